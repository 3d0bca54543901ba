import type { Logger, SqlDatabase } from '@sophia/kit';
import type { Embedder } from '../embeddings/embedder.ts';
import { reindexStale } from '../stored-embeddings.ts';
import { reindexRows, staleRows } from '../store/reindex.ts';
import { SnowflakeChangeLog } from './snowflake-change-log.ts';

/** Changed memories handled per statement (each id is one bind). */
const CHUNK = 500;

export interface ChangeCaptureOptions {
  readonly db: SqlDatabase;
  readonly embedder: Embedder;
  /** How often to look for changes. */
  readonly intervalMs: number;
  /** Brings L2 (and L1) up to date for memories that changed: re-reads them, indexes or drops each. */
  readonly resync: (ids: readonly string[]) => Promise<void>;
  readonly log: Pick<Logger, 'warn'>;
}

export interface ChangeCapture {
  /** One pass now (the timer runs them too); resolves with the ids brought up to date. */
  poll(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Change data capture for memories written by anything but this replica: an import, an analyst's UPDATE
 * through another connection, another replica. Each pass finds the changed memories, re-embeds and
 * re-indexes those whose text changed (their `indexed_hash` no longer matches), then resyncs L2.
 *
 * - Snowflake: the stream EMBEDDING_CHANGES into the shared change log, read with this replica's cursor
 *   (snowflake-change-log.ts): inserts, updates and deletes, whoever made them.
 * - DuckDB: one process holds the file, so other writers are imports and edits made while the service was
 *   stopped (caught at start) or statements on the service's own database; a pass compares every memory's
 *   text with the hash it was indexed by (md5 in SQL, a full scan) and re-indexes what differs. It sees text
 *   changes only: a tier or visibility changed in the file by hand shows after the next start.
 */
export async function startChangeCapture(options: ChangeCaptureOptions): Promise<ChangeCapture> {
  const { db, embedder } = options;
  const changeLog = db.dialect === 'snowflake' ? new SnowflakeChangeLog(db) : undefined;
  await changeLog?.start();
  const pass = async (): Promise<string[]> => {
    if (!changeLog) {
      const written = await reindexStale(db, embedder);
      for (let start = 0; start < written.length; start += CHUNK) {
        await options.resync(written.slice(start, start + CHUNK));
      }
      return written;
    }
    const ids = await changeLog.next();
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      await reindexRows(db, embedder, await staleRows(db, '', chunk.length, chunk));
      await options.resync(chunk);
    }
    return ids;
  };
  // One pass at a time: a slow pass is never overtaken by the next tick.
  let running: Promise<string[]> | undefined;
  const poll = () => {
    running ??= pass().finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => {
    poll().catch((error: unknown) =>
      options.log.warn({ err: error }, 'memory change capture failed; will retry'),
    );
  }, options.intervalMs);
  timer.unref();
  return {
    poll,
    close: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
