import { randomUUID } from 'node:crypto';
import {
  hasRole,
  type EventQueue,
  type Logger,
  type RequestDeadline,
  type SignedInViewer,
} from '@sophia/kit';
import { chunkText } from '../chunk.ts';
import { EmbeddingInputError } from '../embeddings/provider.ts';
import { rememberMemory, type MemoryService } from '../memory-service.ts';
import type { UserError } from '../remember-input.ts';
import type { ViewerScope, Visibility } from '../visibility.ts';
import { IngestFeed } from './ingest-feed.ts';
import { chunkCountErrors, type IngestLimits } from './ingest-input.ts';
import type { IngestJobRow } from './job-store.ts';

/** Chunks remembered together: their embeddings share batches and their rows one transaction. */
const CHUNKS_PER_STEP = 32;

/** The role that may cancel anyone's ingest job. */
export const ADMIN_ROLE = 'admin';

export type IngestStart = { job: IngestJobRow; errors: [] } | { job: null; errors: UserError[] };

export interface IngestRequest {
  readonly title: string;
  readonly content: string;
  readonly visibility: Visibility;
  readonly accountId: string | null;
  readonly chunkWords: number;
  readonly overlapWords: number;
}

/**
 * Runs document ingest jobs in the background: splits the document, remembers its chunks a step at a time
 * (each step committed before the job counts it, so `chunksDone` never claims a chunk the store lacks), and
 * publishes every step. Jobs a stopped process left unfinished resume at start, from their last counted step;
 * a chunk done twice merges with itself. A cancelled job stops after the step in progress and never resumes.
 */
export class DocumentIngestor {
  private readonly running = new Map<string, Promise<void>>();
  private closing = false;

  constructor(
    private readonly service: MemoryService,
    private readonly log: Pick<Logger, 'info' | 'error'>,
    readonly limits: IngestLimits,
    /** Where job updates go: this process's by default, or every replica's (see `createIngestFeed`). */
    private readonly feed: IngestFeed = new IngestFeed(),
  ) {}

  /**
   * Records the job, starts it, and returns it as queued; or, as data, why not: a document that splits into
   * too many chunks (BAD_USER_INPUT), or too many of the user's jobs in flight already (RATE_LIMITED).
   * The job outlives the request by design, but is recorded and started only within its `deadline`.
   */
  async start(scope: ViewerScope, request: IngestRequest, deadline?: RequestDeadline): Promise<IngestStart> {
    const chunks = chunkText(request.content, { size: request.chunkWords, overlap: request.overlapWords });
    const tooMany = chunkCountErrors(chunks.length, this.limits);
    if (tooMany.length > 0) return { job: null, errors: tooMany };
    const job: IngestJobRow = {
      id: `job_${randomUUID()}`,
      ownerId: scope.userId,
      teamId: scope.teamId,
      title: request.title,
      documentId: `doc_${randomUUID()}`,
      visibility: request.visibility,
      accountId: request.accountId,
      chunkWords: request.chunkWords,
      overlapWords: request.overlapWords,
      status: 'QUEUED',
      chunksTotal: chunks.length,
      chunksDone: 0,
      chunksFailed: 0,
      error: null,
      createdAt: this.service.store.clock.now().toISOString(),
      finishedAt: null,
    };
    const { jobs } = this.service.store;
    if (!(await jobs.createWithin(job, request.content, this.limits.maxJobsPerUser, deadline))) {
      const message =
        `You already have ${this.limits.maxJobsPerUser} documents being ingested, the most at once. ` +
        'Retry when one has finished, or cancel one with cancelIngestJob.';
      return { job: null, errors: [{ field: ['input'], code: 'RATE_LIMITED', message }] };
    }
    this.launch(job, chunks);
    return { job, errors: [] };
  }

  /**
   * Cancels a queued or running job of the viewer's (an admin may cancel anyone's): it is marked CANCELLED at
   * once, so no restart resumes it, and its run stops after the step in progress (whose chunks stay
   * remembered). Null when the viewer may not touch such a job, exactly as when it does not exist.
   */
  async cancel(viewer: SignedInViewer, id: string): Promise<IngestJobRow | null> {
    const { jobs } = this.service.store;
    const job = hasRole(viewer, ADMIN_ROLE) ? await jobs.findAny(id) : await jobs.find(viewer.userId, id);
    if (!job) return null;
    const cancelled = await jobs.cancel(id);
    if (cancelled?.status === 'CANCELLED') {
      this.feed.publish(cancelled);
      await this.running.get(id);
    }
    return cancelled;
  }

  /** Carries on the jobs a stopped process left unfinished. */
  async resumeUnfinished(): Promise<number> {
    const jobs = await this.service.store.jobs.unfinished();
    for (const job of jobs) {
      const content = await this.service.store.jobs.content(job.id);
      this.log.info({ jobId: job.id, chunksDone: job.chunksDone }, 'resuming document ingest');
      this.launch(job, chunkText(content, { size: job.chunkWords, overlap: job.overlapWords }));
    }
    return jobs.length;
  }

  /** The owner's job: its state now, then each update until it finishes. Null when they have no such job. */
  async watch(ownerId: string, id: string): Promise<EventQueue<IngestJobRow> | null> {
    const { queue, deliver } = this.feed.watch(id);
    const job = await this.service.store.jobs.find(ownerId, id);
    if (!job) {
      await queue.return();
      return null;
    }
    deliver(job);
    return queue;
  }

  /** Stops between steps; unfinished jobs stay RUNNING in the store and resume at the next start. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled(this.running.values());
  }

  private launch(job: IngestJobRow, chunks: readonly string[]): void {
    const run = this.run(job, chunks)
      .catch((error: unknown) => this.log.error({ err: error, jobId: job.id }, 'document ingest failed'))
      .finally(() => this.running.delete(job.id));
    this.running.set(job.id, run);
  }

  private async run(job: IngestJobRow, chunks: readonly string[]): Promise<void> {
    const { jobs } = this.service.store;
    const scope: ViewerScope = { userId: job.ownerId, teamId: job.teamId };
    let done = job.chunksDone;
    let failed = job.chunksFailed;
    /** Records and publishes the job's state; false once the job was cancelled (the run then stops). */
    const step = async (status: IngestJobRow['status'], error: string | null = null) => {
      const row = await jobs.update(job.id, { status, chunksDone: done, chunksFailed: failed, error });
      if (row) this.feed.publish(row);
      return row !== null;
    };
    try {
      if (!(await step('RUNNING'))) return;
      while (done < chunks.length) {
        if (this.closing) return;
        const group = chunks.slice(done, done + CHUNKS_PER_STEP);
        const outcomes = await Promise.allSettled(
          group.map((content, i) =>
            rememberMemory(this.service, Promise.resolve(scope), {
              content,
              kind: 'DOCUMENT_CHUNK',
              visibility: job.visibility,
              accountId: job.accountId,
              sourceType: 'DOCUMENT',
              sourceId: job.documentId,
              sourceTitle: job.title,
              metadata: { chunk: done + i + 1, chunks: chunks.length, jobId: job.id },
            }),
          ),
        );
        for (const outcome of outcomes) {
          if (outcome.status === 'fulfilled') continue;
          // A chunk the model cannot embed is skipped and counted; anything else stops the job.
          if (outcome.reason instanceof EmbeddingInputError) failed += 1;
          else throw outcome.reason;
        }
        done += group.length;
        if (!(await step('RUNNING'))) return;
      }
      await step('COMPLETED');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await step('FAILED', `Ingest stopped after ${done} of ${chunks.length} chunks: ${message}`);
    }
  }
}
