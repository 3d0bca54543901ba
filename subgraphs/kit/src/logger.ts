import { trace } from '@opentelemetry/api';
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** The active span's ids on every line, so a log line leads to its trace (and back). */
function traceIds(): { trace_id?: string; span_id?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

/** Structured JSON logs, one line each, stamped with the service name and the active trace. */
export function createLogger(service: string, level: LevelWithSilent = 'info'): Logger {
  return pino({ name: service, level, base: { service }, mixin: traceIds });
}
