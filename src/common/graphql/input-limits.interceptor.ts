import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Observable } from 'rxjs';
import { argumentLimitsOf, checkInputLimits } from './input-limits.util';

/**
 * Checks every GraphQL resolver's arguments, however they were given (literals or variables),
 * before it runs: strings without NUL and within their length, lists within their size (see
 * input-limits.util.ts). HTTP routes are left alone.
 */
@Injectable()
export class InputLimitsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<GraphQLResolveInfo>();
      const field = info.parentType.getFields()[info.fieldName];
      if (field !== undefined && field.args.length > 0) {
        checkInputLimits(field.args, gql.getArgs(), argumentLimitsOf(field));
      }
    }
    return next.handle();
  }
}
