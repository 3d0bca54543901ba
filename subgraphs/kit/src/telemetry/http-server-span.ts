import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { contextFromCarrier, tracer } from './spans.ts';

/**
 * Runs an incoming request's handler inside a SERVER span continued from the caller's `traceparent`;
 * the span ends when the response is finished (or the socket closes), with the status code recorded.
 */
export function traceIncomingRequest(
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
  handle: () => void,
): void {
  const parent = contextFromCarrier(req.headers);
  const span = tracer.startSpan(
    `${req.method ?? 'GET'} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method ?? 'GET', 'http.route': route, 'url.path': route },
    },
    parent,
  );
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.with(trace.setSpan(parent, span), handle);
}
