/**
 * When DataLoader sends a batch of texts to the embedding provider (its `batchScheduleFn`), chosen so that
 * batches grow with load instead of with a fixed clock:
 *
 * - a batch opens with the first text and waits `windowMs`; every text that joins extends the wait by
 *   `windowMs` again (a steady stream keeps filling it), up to `maxWaitMs` after it opened;
 * - a batch that reaches `maxBatch` texts goes at once (DataLoader alone would hold it until its timer);
 * - a batch that is due waits for a free provider slot, still taking texts, so while the GPU is busy the next
 *   batch fills up rather than queueing as many small ones.
 *
 * Alone, a text waits `windowMs`; under load, at most `maxWaitMs` plus the time a slot takes to free.
 */
export interface BatchSchedulerOptions {
  readonly windowMs: number;
  readonly maxWaitMs: number;
  readonly maxBatch: number;
  /** Resolves once a provider call could start now. */
  readonly slotFree: () => Promise<void>;
}

export interface BatchScheduler {
  /** DataLoader's `batchScheduleFn`: called once per new batch with the function that sends it. */
  schedule(send: () => void): void;
  /** Tell the scheduler a text joined the newest batch (call right after `loader.load`). */
  joined(): void;
}

interface OpenBatch {
  readonly send: () => void;
  readonly openedAt: number;
  size: number;
  timer: NodeJS.Timeout | undefined;
  due: boolean;
}

export function createBatchScheduler(options: BatchSchedulerOptions): BatchScheduler {
  const { windowMs, maxWaitMs, maxBatch, slotFree } = options;
  let newest: OpenBatch | undefined;

  const release = (batch: OpenBatch) => {
    if (batch.due) return;
    batch.due = true;
    clearTimeout(batch.timer);
    void slotFree().then(batch.send);
  };

  const wait = (batch: OpenBatch, ms: number) => {
    clearTimeout(batch.timer);
    batch.timer = setTimeout(() => release(batch), Math.max(0, ms));
  };

  return {
    schedule(send) {
      const batch: OpenBatch = { send, openedAt: performance.now(), size: 0, timer: undefined, due: false };
      newest = batch;
      wait(batch, windowMs);
    },
    joined() {
      const batch = newest;
      if (!batch) return;
      batch.size += 1;
      if (batch.due) return;
      if (batch.size >= maxBatch) {
        release(batch);
        return;
      }
      const now = performance.now();
      wait(batch, Math.min(windowMs, batch.openedAt + maxWaitMs - now));
    },
  };
}
