import type { DuckDb } from '@sophia/kit';
import type { Visibility } from '../visibility.ts';

export type IngestJobStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

/** A document ingest job as stored: the document itself is kept until the job finishes, so it can resume. */
export interface IngestJobRow {
  readonly id: string;
  readonly ownerId: string;
  readonly teamId: string | null;
  readonly title: string;
  readonly documentId: string;
  readonly visibility: Visibility;
  readonly accountId: string | null;
  readonly chunkWords: number;
  readonly overlapWords: number;
  readonly status: IngestJobStatus;
  readonly chunksTotal: number;
  readonly chunksDone: number;
  readonly chunksFailed: number;
  readonly error: string | null;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601. */
  readonly finishedAt: string | null;
}

export const INGEST_JOBS_DDL = `CREATE TABLE IF NOT EXISTS ingest_jobs (
  id VARCHAR PRIMARY KEY,
  owner_id VARCHAR NOT NULL,
  team_id VARCHAR,
  title VARCHAR NOT NULL,
  document_id VARCHAR NOT NULL,
  content VARCHAR,
  visibility VARCHAR NOT NULL,
  account_id VARCHAR,
  chunk_words INTEGER NOT NULL,
  overlap_words INTEGER NOT NULL,
  status VARCHAR NOT NULL,
  chunks_total INTEGER NOT NULL,
  chunks_done INTEGER NOT NULL DEFAULT 0,
  chunks_failed INTEGER NOT NULL DEFAULT 0,
  error VARCHAR,
  created_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP)`;

const iso = (column: string) => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

const JOB_COLUMNS = `id, owner_id AS "ownerId", team_id AS "teamId", title, document_id AS "documentId", visibility,
  account_id AS "accountId", chunk_words AS "chunkWords", overlap_words AS "overlapWords", status,
  chunks_total AS "chunksTotal", chunks_done AS "chunksDone", chunks_failed AS "chunksFailed", error,
  ${iso('created_at')} AS "createdAt", CASE WHEN finished_at IS NULL THEN NULL ELSE ${iso('finished_at')} END AS "finishedAt"`;

type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/** The `ingest_jobs` table: what a job is doing, and the document until it is done. */
export class IngestJobStore {
  constructor(
    private readonly db: DuckDb,
    private readonly write: Exclusive,
  ) {}

  create(job: Omit<IngestJobRow, 'chunksDone' | 'chunksFailed' | 'error' | 'finishedAt'>, content: string) {
    return this.write(() =>
      this.db.insertRows('ingest_jobs', [
        {
          id: job.id,
          owner_id: job.ownerId,
          team_id: job.teamId,
          title: job.title,
          document_id: job.documentId,
          content,
          visibility: job.visibility,
          account_id: job.accountId,
          chunk_words: job.chunkWords,
          overlap_words: job.overlapWords,
          status: job.status,
          chunks_total: job.chunksTotal,
          created_at: job.createdAt,
        },
      ]),
    );
  }

  /** The owner's job, or null: someone else's job does not exist for them. */
  async find(ownerId: string, id: string): Promise<IngestJobRow | null> {
    const [row] = await this.db.query<IngestJobRow>(
      `SELECT ${JOB_COLUMNS} FROM ingest_jobs WHERE id = ? AND owner_id = ?`,
      [id, ownerId],
    );
    return row ?? null;
  }

  /** Jobs a stopped process left behind, oldest first. */
  unfinished(): Promise<IngestJobRow[]> {
    return this.db.query<IngestJobRow>(
      `SELECT ${JOB_COLUMNS} FROM ingest_jobs WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at, id`,
    );
  }

  async content(id: string): Promise<string> {
    const [row] = await this.db.query<{ content: string | null }>(
      'SELECT content FROM ingest_jobs WHERE id = ?',
      [id],
    );
    if (typeof row?.content !== 'string') throw new Error(`Ingest job ${id} has no document to resume from.`);
    return row.content;
  }

  /** Records progress; a finished job drops its copy of the document (its chunks hold the text now). */
  update(
    id: string,
    patch: { status: IngestJobStatus; chunksDone: number; chunksFailed: number; error?: string | null },
  ): Promise<IngestJobRow> {
    const finished = patch.status === 'COMPLETED' || patch.status === 'FAILED';
    return this.write(async () => {
      const [row] = await this.db.query<IngestJobRow>(
        `UPDATE ingest_jobs SET status = ?, chunks_done = ?, chunks_failed = ?, error = ?, finished_at = ?
           ${finished ? ', content = NULL' : ''}
         WHERE id = ? RETURNING ${JOB_COLUMNS}`,
        [
          patch.status,
          patch.chunksDone,
          patch.chunksFailed,
          patch.error ?? null,
          finished ? new Date().toISOString() : null,
          id,
        ],
      );
      if (!row) throw new Error(`Ingest job ${id} vanished.`);
      return row;
    });
  }
}
