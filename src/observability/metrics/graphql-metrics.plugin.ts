import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { BillingMetrics } from './billing-metrics.service';

/** Times every GraphQL request, by operation name and outcome (a refused document included). */
@Plugin()
export class GraphqlMetricsPlugin implements ApolloServerPlugin {
  constructor(private readonly metrics: BillingMetrics) {}

  requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    const end = this.metrics.graphqlDuration.startTimer();
    const metrics = this.metrics;
    return Promise.resolve({
      willSendResponse(context) {
        const failed =
          context.response.body.kind === 'single'
            ? (context.response.body.singleResult.errors?.length ?? 0) > 0
            : false;
        end({
          operation: metrics.operationLabel(context.operationName),
          outcome: failed ? 'error' : 'ok',
        });
        return Promise.resolve();
      },
    });
  }
}
