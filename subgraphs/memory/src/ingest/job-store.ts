import type { Clock, Dialect, RequestDeadline, SqlDatabase, SqlRunner } from '@sophia/kit';
import { isoTimestamp } from '../store/rows.ts';
import type { Visibility } from '../visibility.ts';

export type IngestJobStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

/** Statuses of a job still being worked on: what counts towards a user's jobs in flight, and what resumes. */
const IN_FLIGHT = `('QUEUED', 'RUNNING')`;

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

/** The ingest_jobs table in a store's dialect: the same columns, with the dialect's timestamp type. */
export function ingestJobsDdl(dialect: Dialect): string {
  const timestamp = dialect === 'snowflake' ? 'TIMESTAMP_NTZ' : 'TIMESTAMP';
  return `CREATE TABLE IF NOT EXISTS ingest_jobs (
  id VARCHAR NOT NULL,
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
  created_at ${timestamp} NOT NULL,
  finished_at ${timestamp},
  PRIMARY KEY (id))`;
}

/** The columns of an `IngestJobRow`, in SQL both dialects run; `toJob` makes the times ISO 8601. */
const JOB_COLUMNS = `id, owner_id AS "ownerId", team_id AS "teamId", title, document_id AS "documentId", visibility,
  account_id AS "accountId", chunk_words AS "chunkWords", overlap_words AS "overlapWords", status,
  chunks_total AS "chunksTotal", chunks_done AS "chunksDone", chunks_failed AS "chunksFailed", error,
  created_at AS "createdAt", finished_at AS "finishedAt"`;

const toJob = (row: IngestJobRow): IngestJobRow => ({
  ...row,
  createdAt: isoTimestamp(row.createdAt),
  finishedAt: row.finishedAt === null ? null : isoTimestamp(row.finishedAt),
});

type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/** The `ingest_jobs` table: what a job is doing, and the document until it is done. */
export class IngestJobStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly write: Exclusive,
    /** The store's clock: a job finishes at the same "now" its memories and events are written at. */
    private readonly clock: Clock,
  ) {}

  /**
   * Records a new job unless its owner already has `maxInFlight` jobs queued or running (counted and written
   * in one turn of the write queue, so concurrent starts cannot both slip under the cap). False when refused.
   * The job is recorded only within the starting request's `deadline`: one recorded later would run unasked.
   */
  createWithin(
    job: Omit<IngestJobRow, 'chunksDone' | 'chunksFailed' | 'error' | 'finishedAt'>,
    content: string,
    maxInFlight: number,
    deadline?: RequestDeadline,
  ): Promise<boolean> {
    const record = async (tx: SqlRunner): Promise<boolean> => {
      const [row] = await tx.query<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM ingest_jobs WHERE owner_id = ? AND status IN ${IN_FLIGHT}`,
        [job.ownerId],
      );
      if ((row?.n ?? 0) >= maxInFlight) return false;
      await tx.insertRows('ingest_jobs', [
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
      ]);
      return true;
    };
    return this.write(() => this.db.transaction(record, { deadline }));
  }

  /** The owner's job, or null: someone else's job does not exist for them. */
  async find(ownerId: string, id: string): Promise<IngestJobRow | null> {
    const [row] = await this.db.query<IngestJobRow>(
      `SELECT ${JOB_COLUMNS} FROM ingest_jobs WHERE id = ? AND owner_id = ?`,
      [id, ownerId],
    );
    return row ? toJob(row) : null;
  }

  /** Any user's job, or null: for an admin's cancel only. */
  async findAny(id: string): Promise<IngestJobRow | null> {
    const [row] = await this.db.query<IngestJobRow>(`SELECT ${JOB_COLUMNS} FROM ingest_jobs WHERE id = ?`, [
      id,
    ]);
    return row ? toJob(row) : null;
  }

  /** Jobs a stopped process left behind, oldest first (a cancelled job is not among them). */
  async unfinished(): Promise<IngestJobRow[]> {
    const rows = await this.db.query<IngestJobRow>(
      `SELECT ${JOB_COLUMNS} FROM ingest_jobs WHERE status IN ${IN_FLIGHT} ORDER BY created_at, id`,
    );
    return rows.map(toJob);
  }

  /**
   * Marks a queued or running job CANCELLED and drops its copy of the document, so nothing resumes it; returns
   * the job as it stands then (unchanged when it had already finished).
   */
  cancel(id: string): Promise<IngestJobRow | null> {
    return this.write(async () => {
      await this.updateInFlight(id, `status = 'CANCELLED', finished_at = ?, content = NULL`, [
        this.clock.now().toISOString(),
      ]);
      return this.findAny(id);
    });
  }

  async content(id: string): Promise<string> {
    const [row] = await this.db.query<{ content: string | null }>(
      'SELECT content FROM ingest_jobs WHERE id = ?',
      [id],
    );
    if (typeof row?.content !== 'string') throw new Error(`Ingest job ${id} has no document to resume from.`);
    return row.content;
  }

  /**
   * Records progress of a job in flight; a finished job drops its copy of the document (its chunks hold the
   * text now). Null when the job is no longer in flight (it was cancelled): the caller stops.
   */
  update(
    id: string,
    patch: { status: IngestJobStatus; chunksDone: number; chunksFailed: number; error?: string | null },
  ): Promise<IngestJobRow | null> {
    const finished = patch.status === 'COMPLETED' || patch.status === 'FAILED';
    return this.write(async () => {
      const updated = await this.updateInFlight(
        id,
        `status = ?, chunks_done = ?, chunks_failed = ?, error = ?, finished_at = ?${finished ? ', content = NULL' : ''}`,
        [
          patch.status,
          patch.chunksDone,
          patch.chunksFailed,
          patch.error ?? null,
          finished ? this.clock.now().toISOString() : null,
        ],
      );
      return updated ? this.findAny(id) : null;
    });
  }

  /**
   * Applies `set` to the job when it is still in flight; false when it is not (finished or cancelled). Read,
   * then written, in one transaction: Snowflake has no `UPDATE … RETURNING`.
   */
  private updateInFlight(
    id: string,
    set: string,
    params: readonly (string | number | null)[],
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        `SELECT id FROM ingest_jobs WHERE id = ? AND status IN ${IN_FLIGHT}`,
        [id],
      );
      if (!row) return false;
      await tx.run(`UPDATE ingest_jobs SET ${set} WHERE id = ? AND status IN ${IN_FLIGHT}`, [...params, id]);
      return true;
    });
  }
}
