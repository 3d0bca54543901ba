import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';

/** Sophia's own spans; library spans (Apollo's gateway.*, undici's HTTP clients) carry their own scopes. */
export const tracer = trace.getTracer('sophia');

export interface SpanOptions {
  readonly attributes?: Attributes;
  readonly kind?: SpanKind;
  readonly links?: Link[];
  /** Parent context; default: the active one. */
  readonly parent?: Context;
}

/**
 * Runs `work` inside a span that ends when it settles; a failure is recorded on the span and rethrown.
 * With tracing off this costs one non-recording span.
 */
export function withSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer.startSpan(
    name,
    {
      ...(options.attributes ? { attributes: options.attributes } : {}),
      ...(options.kind !== undefined ? { kind: options.kind } : {}),
      ...(options.links ? { links: options.links } : {}),
    },
    parent,
  );
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message ?? error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active trace context as W3C headers (`traceparent`, `tracestate`), for carriers that are not HTTP. */
export function traceCarrier(active: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  return carrier;
}

/** The context a W3C carrier describes (HTTP headers, a graphql-ws payload's extensions). */
export function contextFromCarrier(carrier: Readonly<Record<string, unknown>> | undefined): Context {
  if (!carrier) return context.active();
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(carrier)) {
    if (typeof value === 'string') headers[key.toLowerCase()] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') headers[key.toLowerCase()] = value[0];
  }
  return propagation.extract(context.active(), headers);
}

/** A link to the span active now, for work done later on its behalf (a shared batch, a queue). */
export function linkToActiveSpan(): Link | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? { context: spanContext } : undefined;
}

export { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Link, type Span };
