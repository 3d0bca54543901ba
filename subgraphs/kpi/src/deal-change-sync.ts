import type { Feed, Logger } from '@sophia/kit';
import type { DealChangeMetrics } from './deal-change-metrics.ts';
import { parseDealChange } from './deal-change-schema.ts';
import { DEAL_CHANGES_PAGE, type DealChangesSource } from './sales-deal-changes.ts';
import type { KpiStore } from './store.ts';

/** Live changes one sync may leave unread before the feed cuts it off (it then catches up instead). */
const FEED_CAPACITY = 10_000;

export interface DealChangeSyncOptions {
  readonly store: KpiStore;
  /** The `deal-changed` feed: changes as sales commits them. */
  readonly feed?: Feed<unknown> | undefined;
  /** Sales' outbox, for the catch-up on start, after a gap, and every `catchUpMs`. */
  readonly source?: DealChangesSource | undefined;
  readonly catchUpMs: number;
  readonly logger: Logger;
  readonly metrics: DealChangeMetrics;
}

/**
 * Keeps kpi's facts in agreement with sales' deals: applies each change the live feed brings as it comes,
 * and catches up from sales' outbox (on start, when a live change shows one missing below it, and on a
 * timer as a safety net), so a change missed while kpi was down or the feed dropped it is applied later,
 * once. Applying is idempotent and one batch at a time, so the feed and the catch-up never race.
 */
export class DealChangeSync {
  private work: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopFeed: (() => void) | undefined;
  private closed = false;
  /** The catch-up queued behind the work in progress, not started yet. */
  private waitingCatchUp: Promise<number> | undefined;

  constructor(private readonly options: DealChangeSyncOptions) {}

  /** Listens to the feed, then starts catching up (in the background: sales may start after kpi). */
  async start(): Promise<void> {
    const { feed, source, catchUpMs } = this.options;
    if (feed) {
      await feed.start();
      this.listen(feed);
    }
    if (source) {
      void this.catchUp().catch(() => undefined);
      this.timer = setInterval(() => void this.catchUp().catch(() => undefined), catchUpMs);
      this.timer.unref();
    }
  }

  /**
   * Applies every change sales has after the ones applied; resolves with how many were applied now. Calls made
   * while one is still waiting its turn share it, so a slow sales never piles catch-ups up behind each other.
   */
  catchUp(): Promise<number> {
    this.waitingCatchUp ??= this.serially(async () => {
      this.waitingCatchUp = undefined;
      const { store, source, logger, metrics } = this.options;
      if (!source) return 0;
      let cursor = await store.dealChangesAppliedThrough();
      let applied = 0;
      try {
        for (;;) {
          const changes = await source(cursor);
          applied += (await store.applyDealChanges(changes)).length;
          if (changes.length < DEAL_CHANGES_PAGE) break;
          cursor = changes[changes.length - 1]!.changeNumber;
        }
      } catch (error) {
        metrics.catchUpFailures.inc();
        logger.warn({ err: error }, 'Deal changes could not be caught up from sales; trying again later.');
        throw error;
      } finally {
        metrics.applied.inc({ source: 'catch_up' }, applied);
        metrics.appliedThrough.set(await store.dealChangesAppliedThrough());
      }
      if (applied > 0) logger.info({ applied }, 'Deal changes caught up from sales.');
      return applied;
    });
    return this.waitingCatchUp;
  }

  /** Stops listening and catching up, once the batch being applied (if any) is done. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.stopFeed?.();
    await this.work.catch(() => undefined);
  }

  private listen(feed: Feed<unknown>): void {
    const { queue } = feed.subscribe({ capacity: FEED_CAPACITY });
    this.stopFeed = () => void queue.return();
    void (async () => {
      try {
        for await (const message of queue) await this.applyLive(message);
      } catch (error) {
        // Cut off for falling behind: what it missed is in the outbox.
        this.options.logger.warn({ err: error }, 'The deal-changed feed stopped; catching up from sales.');
        if (!this.closed) {
          this.listen(feed);
          void this.catchUp().catch(() => undefined);
        }
      }
    })();
  }

  private async applyLive(message: unknown): Promise<void> {
    const { store, logger, metrics } = this.options;
    const change = parseDealChange(message);
    if (!change) {
      logger.warn('A message on the deal-changed feed is not a deal change; ignored.');
      return;
    }
    const gap = await this.serially(async () => {
      metrics.applied.inc({ source: 'live' }, (await store.applyDealChanges([change])).length);
      const through = await store.dealChangesAppliedThrough();
      metrics.appliedThrough.set(through);
      return through < change.changeNumber;
    });
    // A change below this one never arrived: the outbox has it.
    if (gap) await this.catchUp().catch(() => undefined);
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.work.then(task);
    this.work = run.catch(() => undefined);
    return run;
  }
}
