import { createRedisFeedTransport, Feed, type FeedSubscription } from '@sophia/kit';
import type { IngestJobRow } from './job-store.ts';

/** Updates one watcher may leave unread before it is cut off. */
const WATCHER_CAPACITY = 1_000;

export const isFinished = (job: IngestJobRow) =>
  job.status === 'COMPLETED' || job.status === 'FAILED' || job.status === 'CANCELLED';

/** Job updates: what `ingestJobProgress` subscribers read, in this process or (with Redis) on every replica. */
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

/** Where every memory replica publishes and hears job updates when REDIS_URL is set. */
const INGEST_CHANNEL = 'sophia:memory:ingest-progress';

/** The feed `npm start` uses: on Redis when `redisUrl` is set, so a watcher on any replica sees a job's steps. */
export function createIngestFeed(
  redisUrl: string | undefined,
  onError: (error: unknown) => void,
): IngestFeed {
  return new IngestFeed({
    ...(redisUrl
      ? { transport: createRedisFeedTransport({ url: redisUrl, channel: INGEST_CHANNEL, onError }) }
      : {}),
    onError,
  });
}
