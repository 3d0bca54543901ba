/**
 * When DataLoader sends a batch of texts to the embedding provider (its `batchScheduleFn`), chosen so that
 * batches grow with load instead of with a fixed clock:
 *
 * - texts that come alone: a batch waits `windowMs` for the next text, and each text that joins restarts the
 *   wait (up to `maxWaitMs`);
 * - texts that come as a stream (on average at least one every `maxWaitMs / 8`, e.g. many requests arriving
 *   one after another through the gateway, each a few milliseconds after the last): a batch stays open until
 *   it is full or `maxWaitMs` after it opened. A wait measured in gaps would close it at the stream's first
 *   hiccup (a GC pause, a burst), and a fixed few milliseconds between every two texts;
 * - a batch that reaches `maxBatch` texts goes at once (DataLoader alone would hold it until its timer);
 * - a batch that is due waits for a free provider slot, still taking texts, so while the GPU is busy the next
 *   batch fills up rather than queueing as many small ones.
 *
 * Alone, a text waits `windowMs`; in a stream, at most `maxWaitMs` plus the time a slot takes to free.
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

/** Texts come as a stream when the average gap between them is at most `maxWaitMs / STREAM_GAPS`. */
const STREAM_GAPS = 8;

export function createBatchScheduler(options: BatchSchedulerOptions): BatchScheduler {
  const { windowMs, maxWaitMs, maxBatch, slotFree } = options;
  let newest: OpenBatch | undefined;
  let lastArrival: number | undefined;
  /** Moving average of the gap between two texts (weight 1/5 for the newest). */
  let gapAverage = Number.POSITIVE_INFINITY;

  /** How long a batch waits for its next text. */
  const patience = () => {
    const streaming = gapAverage <= maxWaitMs / STREAM_GAPS;
    return streaming ? maxWaitMs : windowMs;
  };

  const arrived = (now: number) => {
    if (lastArrival !== undefined) {
      const gap = now - lastArrival;
      gapAverage = Number.isFinite(gapAverage) ? gapAverage * 0.8 + gap * 0.2 : gap;
    }
    lastArrival = now;
  };

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
      wait(batch, patience());
    },
    joined() {
      const now = performance.now();
      arrived(now);
      const batch = newest;
      if (!batch) return;
      batch.size += 1;
      if (batch.due) return;
      if (batch.size >= maxBatch) {
        release(batch);
        return;
      }
      wait(batch, Math.min(patience(), batch.openedAt + maxWaitMs - now));
    },
  };
}
