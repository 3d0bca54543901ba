import { context, SpanKind, trace, traceCarrier, tracer } from '@sophia/kit';

/**
 * A span for one federated subscription's upstream operation, and the W3C context to send with it in the
 * graphql-ws `subscribe` payload's `extensions`, so the owning subgraph's work joins the same trace.
 */
export function startSubscriptionSpan(subgraph: string, operationName: string | null | undefined) {
  const span = tracer.startSpan(`gateway.subscription ${subgraph}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'sophia.subgraph': subgraph, 'graphql.operation.name': operationName ?? '' },
  });
  return {
    extensions: traceCarrier(trace.setSpan(context.active(), span)),
    end: () => span.end(),
  };
}
