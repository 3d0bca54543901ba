import { setTimeout as sleep } from 'node:timers/promises';
import { toSnowflakeError, type SnowflakeError } from './errors.ts';

export interface RetryOptions {
  /** Tries in all, the first included. @default 4 */
  attempts?: number;
  /** Delay before the first retry; doubles each time, with full jitter. @default 200 */
  baseDelayMs?: number;
  /** @default 5000 */
  maxDelayMs?: number;
  /** Told about each retry (for logs and metrics). */
  onRetry?: (error: SnowflakeError, attempt: number, delayMs: number) => void;
}

/**
 * Runs `work` again after a transient Snowflake failure (network, exhausted HTTP retries, internal error,
 * lock wait, lost session), with exponential backoff and full jitter; any other error is thrown at once.
 */
export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 200;
  const max = options.maxDelayMs ?? 5000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (raw) {
      const error = toSnowflakeError(raw);
      if (!error.transient || attempt >= attempts) throw error;
      const delay = Math.random() * Math.min(max, base * 2 ** (attempt - 1));
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
