import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

/** The gateway's resilience knobs (README, "Observability and resilience"); merged into the gateway's env. */
export const resilienceEnvShape = {
  /** Extra attempts for a subgraph query that failed in transit (never for mutations). */
  SUBGRAPH_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  /** First retry waits about this long, doubling each time, with jitter. */
  SUBGRAPH_RETRY_BASE_MS: positiveInt.default(50),
  /** Consecutive failed fetches that open a subgraph's circuit breaker. */
  BREAKER_FAILURE_THRESHOLD: positiveInt.default(5),
  /** How long an open breaker answers at once before it lets one probe through (half-open). */
  BREAKER_OPEN_MS: positiveInt.default(5_000),
  /** Identical subgraph queries in flight for the same viewer share one fetch: `true` or `false`. */
  SUBGRAPH_DEDUP: z.enum(['true', 'false']).default('true'),
  /** Requests in progress above which /graphql and /mcp answer 503 with Retry-After. */
  SHED_MAX_IN_FLIGHT: positiveInt.default(512),
  /**
   * Event-loop delay (p99, ms) which, sustained for two seconds, sheds new requests. Default: 1000 in
   * production; in development unset (off), since shared machines and test runs lag without being overloaded.
   */
  SHED_MAX_EVENT_LOOP_LAG_MS: positiveInt.optional(),
  /** Retry-After sent with a shed request, in seconds. */
  SHED_RETRY_AFTER_S: positiveInt.default(1),
};

export type ResilienceConfig = Readonly<z.infer<z.ZodObject<typeof resilienceEnvShape>>>;
