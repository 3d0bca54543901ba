import { ConfigError } from './env.ts';
import { StorageError } from './duckdb.ts';
import type { Logger } from './logger.ts';
import { startTelemetry } from './telemetry/start-telemetry.ts';

export interface RunnableService {
  readonly logger: Logger;
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

/** Problems an operator can fix, reported as one clear line instead of a stack trace. */
function explain(error: unknown, port: number | undefined): string | undefined {
  if (error instanceof ConfigError) return error.problems.map((problem) => `\n  - ${problem}`).join('');
  if (error instanceof StorageError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE')
    return `Port ${port} is already in use: stop what holds it or choose another port.`;
  if (code === 'EACCES') return `Not allowed to bind port ${port}: choose a port above 1024.`;
  return undefined;
}

/**
 * The body of every `index.ts`: build (parse env, open storage), listen, and drain on SIGTERM/SIGINT.
 * Exits 1 with a readable message when start-up fails.
 */
export async function runService(
  name: string,
  start: () => Promise<{ service: RunnableService; port: number; host: string }>,
): Promise<void> {
  let port: number | undefined;
  try {
    // Before the service is built, so that start-up work (schema loads, seeding) is traced as well.
    const telemetry = startTelemetry(name);
    const started = await start();
    port = started.port;
    const { service } = started;
    const { url } = await service.listen(started.port, started.host);
    service.logger.info({ url }, `${name} listening`);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) process.exit(1); // a second Ctrl-C means "now"
      stopping = true;
      service.logger.info({ signal }, `${name} draining`);
      service.close().then(
        () => telemetry.shutdown().finally(() => process.exit(0)),
        (error: unknown) => {
          service.logger.error({ err: error }, 'drain failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  } catch (error) {
    const message = explain(error, port);
    if (message === undefined) {
      console.error(`${name}: failed to start`, error);
    } else {
      console.error(`${name}: ${error instanceof ConfigError ? 'invalid configuration' : ''}${message}`);
    }
    process.exit(1);
  }
}
