import { context, type Context } from '@opentelemetry/api';
import { contextFromCarrier, SpanKind, withSpan } from './spans.ts';

/** The trace each graphql-ws operation continues, by its context value (one per operation). */
const parents = new WeakMap<object, Context>();

/** Remembers the W3C context a graphql-ws `subscribe` payload carried in its `extensions`. */
export function rememberTraceParent<T extends object>(contextValue: T, extensions: unknown): T {
  const carrier = extensions && typeof extensions === 'object' ? (extensions as Record<string, unknown>) : {};
  parents.set(contextValue, contextFromCarrier(carrier));
  return contextValue;
}

/** Starts a graphql-ws operation inside the trace its payload named, as one SERVER span. */
export function inOperationTrace<T>(
  contextValue: unknown,
  name: string,
  start: () => Promise<T>,
): Promise<T> {
  const parent =
    (typeof contextValue === 'object' && contextValue && parents.get(contextValue)) || context.active();
  return withSpan(`graphql-ws ${name}`, { parent, kind: SpanKind.SERVER }, start);
}
