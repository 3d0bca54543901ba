export interface RetryOptions {
  /** Extra attempts after the first. */
  readonly retries: number;
  /** The first wait; each later one doubles. */
  readonly baseMs: number;
  readonly retryable: (error: unknown) => boolean;
  readonly onRetry?: () => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, a failure is not retryable, or the retries are spent. Waits
 * `baseMs · 2^n` with full jitter, so the retries of many requests to a restarting subgraph spread out.
 */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 0; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= options.retries || !options.retryable(error)) throw error;
      options.onRetry?.();
      await (options.sleep ?? wait)(Math.random() * options.baseMs * 2 ** n);
    }
  }
}
