import { monitorEventLoopDelay } from 'node:perf_hooks';
import { HttpError, type RouteHandler } from '@sophia/kit';
import type { ResilienceConfig } from './env.ts';
import type { ResilienceMetrics } from './resilience-metrics.ts';

/** Production sheds once the event loop has been a second behind for two seconds. */
const PRODUCTION_MAX_LAG_MS = 1_000;

export interface LoadShedder {
  /** The route, answering 503 with Retry-After instead while the gateway is over a limit. */
  guard(handler: RouteHandler): RouteHandler;
  /** Event-loop delay (p99, ms) sustained over the last two seconds. */
  readonly lagMs: number;
  readonly inFlight: number;
  close(): void;
}

/**
 * Load shedding for the gateway's API routes: a request that arrives while too many are in progress, or
 * while the event loop lags, is refused at once (503, `Retry-After`, RATE_LIMITED) so that those admitted
 * still finish in time. Health, readiness and metrics are not guarded: they keep answering.
 */
export function createLoadShedder(
  config: ResilienceConfig & { readonly SOPHIA_ENV: 'development' | 'production' },
  metrics: ResilienceMetrics,
): LoadShedder {
  const maxLagMs =
    config.SHED_MAX_EVENT_LOOP_LAG_MS ??
    (config.SOPHIA_ENV === 'production' ? PRODUCTION_MAX_LAG_MS : undefined);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let lagMs = 0;
  let previousMs = 0;
  let inFlight = 0;
  // The lower of the last two one-second windows: a single pause (start-up, a long GC) sheds nothing,
  // a loop that stays behind does.
  const sampler = setInterval(() => {
    const currentMs = delay.percentile(99) / 1e6;
    lagMs = Math.min(previousMs, currentMs);
    previousMs = currentMs;
    delay.reset();
  }, 1_000);
  sampler.unref();

  const overloaded = (): string | undefined => {
    if (inFlight >= config.SHED_MAX_IN_FLIGHT) return 'in_flight';
    if (maxLagMs !== undefined && lagMs > maxLagMs) return 'event_loop_lag';
    return undefined;
  };

  return {
    guard: (handler) => async (req, res, requestId) => {
      const reason = overloaded();
      if (reason) {
        metrics.shed.inc({ reason });
        res.setHeader('retry-after', String(config.SHED_RETRY_AFTER_S));
        throw new HttpError(
          503,
          'RATE_LIMITED',
          `The gateway is overloaded; retry after ${config.SHED_RETRY_AFTER_S} s.`,
        );
      }
      inFlight += 1;
      metrics.inFlight.inc();
      try {
        await handler(req, res, requestId);
      } finally {
        inFlight -= 1;
        metrics.inFlight.dec();
      }
    },
    get lagMs() {
      return lagMs;
    },
    get inFlight() {
      return inFlight;
    },
    close: () => {
      clearInterval(sampler);
      delay.disable();
    },
  };
}
