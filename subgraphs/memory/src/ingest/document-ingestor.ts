import { randomUUID } from 'node:crypto';
import type { EventQueue, Logger } from '@sophia/kit';
import { chunkText } from '../chunk.ts';
import { EmbeddingInputError } from '../embeddings/provider.ts';
import { rememberMemory, type MemoryService } from '../memory-service.ts';
import type { ViewerScope, Visibility } from '../visibility.ts';
import { IngestFeed } from './ingest-feed.ts';
import type { IngestJobRow } from './job-store.ts';

/** Chunks remembered together: their embeddings share batches and their rows one transaction. */
const CHUNKS_PER_STEP = 32;

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
 * a chunk done twice merges with itself.
 */
export class DocumentIngestor {
  private readonly feed = new IngestFeed();
  private readonly running = new Map<string, Promise<void>>();
  private closing = false;

  constructor(
    private readonly service: MemoryService,
    private readonly log: Pick<Logger, 'info' | 'error'>,
  ) {}

  /** Records the job, starts it, and returns it as queued. */
  async start(scope: ViewerScope, request: IngestRequest): Promise<IngestJobRow> {
    const chunks = chunkText(request.content, { size: request.chunkWords, overlap: request.overlapWords });
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
      createdAt: new Date().toISOString(),
      finishedAt: null,
    };
    await this.service.store.jobs.create(job, request.content);
    this.launch(job, chunks);
    return job;
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
    const step = async (status: IngestJobRow['status'], error: string | null = null) =>
      this.feed.publish(await jobs.update(job.id, { status, chunksDone: done, chunksFailed: failed, error }));
    try {
      await step('RUNNING');
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
        await step('RUNNING');
      }
      await step('COMPLETED');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await step('FAILED', `Ingest stopped after ${done} of ${chunks.length} chunks: ${message}`);
    }
  }
}
