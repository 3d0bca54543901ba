import { Feed, type FeedSubscription } from '@sophia/kit';
import type { IngestJobRow } from './job-store.ts';

/** Updates one watcher may leave unread before it is cut off. */
const WATCHER_CAPACITY = 1_000;

export const isFinished = (job: IngestJobRow) =>
  job.status === 'COMPLETED' || job.status === 'FAILED' || job.status === 'CANCELLED';

/** In-process pubsub of job updates: what `ingestJobProgress` subscribers read. */
export class IngestFeed extends Feed<IngestJobRow> {
  /**
   * One job's updates from now on, ending after the one that finishes it. Subscribe before reading the job's
   * current state, and hand that state to `deliver`: nothing can slip between the two.
   */
  watch(jobId: string): FeedSubscription<IngestJobRow> {
    let seenDone = -1;
    return this.subscribe({
      capacity: WATCHER_CAPACITY,
      // Updates only move forward; one older than what the watcher has (the current state read late) is dropped.
      accepts: (job) => {
        if (job.id !== jobId || job.chunksDone < seenDone) return false;
        seenDone = job.chunksDone;
        return true;
      },
      isLast: isFinished,
    });
  }
}
