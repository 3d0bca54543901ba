import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { tracer } from './spans.ts';

/** The part of an ioredis client that every command goes through. */
interface CommandSender {
  sendCommand(command: { name: string; promise: Promise<unknown> }, ...rest: unknown[]): unknown;
}

/**
 * Gives each command of one ioredis client a CLIENT span (`redis GET`), without arguments: keys can name
 * users. Wraps the instance, not the prototype, so only Sophia's clients are traced.
 */
export function traceRedis<T extends object>(client: T): T {
  const sender = client as unknown as CommandSender;
  const send = sender.sendCommand.bind(sender);
  sender.sendCommand = (command, ...rest) => {
    const span = tracer.startSpan(`redis ${command.name.toUpperCase()}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'redis', 'db.operation.name': command.name.toUpperCase() },
    });
    const result = send(command, ...rest);
    command.promise.then(
      () => span.end(),
      (error: unknown) => {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message ?? error) });
        span.end();
      },
    );
    return result;
  };
  return client;
}
