import { createEventQueue, SophiaError, type EventQueue } from '@sophia/kit';
import type { IngestJobRow } from './job-store.ts';

/** Updates one watcher may leave unread before it is cut off. */
const WATCHER_CAPACITY = 1_000;

export const isFinished = (job: IngestJobRow) => job.status === 'COMPLETED' || job.status === 'FAILED';

/** In-process pubsub of job updates, by job id: what `ingestJobProgress` subscribers read. */
export class IngestFeed {
  private readonly watchers = new Map<string, Set<(job: IngestJobRow) => void>>();

  publish(job: IngestJobRow): void {
    for (const deliver of this.watchers.get(job.id) ?? []) deliver(job);
  }

  /**
   * The job's updates from now on, ending after the one that finishes it. Subscribe before reading the job's
   * current state, and pass that state as `current`: nothing can slip between the two.
   */
  watch(jobId: string): { queue: EventQueue<IngestJobRow>; current(job: IngestJobRow): void } {
    const watchers = this.watchers.get(jobId) ?? new Set();
    this.watchers.set(jobId, watchers);
    const stop = () => {
      watchers.delete(deliver);
      if (watchers.size === 0) this.watchers.delete(jobId);
    };
    const queue = createEventQueue<IngestJobRow>({ capacity: WATCHER_CAPACITY, onReturn: stop });
    let seenDone = -1;
    let ended = false;
    const deliver = (job: IngestJobRow) => {
      // Updates only move forward; one older than what the watcher has (the current state read late) is dropped.
      if (ended || job.chunksDone < seenDone) return;
      seenDone = job.chunksDone;
      if (!queue.push(job)) {
        ended = true;
        stop();
        queue.end(
          new SophiaError('RATE_LIMITED', 'The watcher fell behind and was cut off; subscribe again.'),
        );
        return;
      }
      if (isFinished(job)) {
        ended = true;
        stop();
        queue.end();
      }
    };
    watchers.add(deliver);
    return { queue, current: deliver };
  }

  /** Open watchers (for tests). */
  get watcherCount(): number {
    let count = 0;
    for (const watchers of this.watchers.values()) count += watchers.size;
    return count;
  }
}
