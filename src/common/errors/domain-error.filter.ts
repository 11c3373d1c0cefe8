import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, HTTP_STATUS_BY_CODE, httpErrorBody } from './domain.error';

/** HTTP routes answer domain errors with their status and a JSON body; GraphQL formats its own. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType<string>() === 'graphql') return error;
    const response = host.switchToHttp().getResponse<Response>();
    response.status(HTTP_STATUS_BY_CODE[error.code]).json(httpErrorBody(error));
  }
}
