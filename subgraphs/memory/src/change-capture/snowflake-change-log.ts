import type { SqlDatabase } from '@sophia/kit';

/** What L2 and the lexical index are made of: a change to any of these columns is logged. */
const INDEXED_COLUMNS = [
  'content',
  'source_title',
  'owner_id',
  'visibility',
  'team_id',
  'kind',
  'account_id',
  'tier',
  'indexed_hash',
];

/**
 * What moves the stream's changes into the change log: an id per changed memory, `UPSERT` (inserted, or
 * updated in a column L2 depends on) or `DELETE` (deleted, not the old half of an update). Updates of access
 * counts and times alone are not logged: they would make every replica re-read every memory anyone reads.
 * Reading the stream in DML moves its offset in the same transaction. ops/snowflake's task
 * EMBEDDING_CHANGES_TASK runs the same statement.
 */
export const CONSUME_STREAM_SQL = `INSERT INTO memory_changes (memory_id, action)
  SELECT n.id, 'UPSERT' FROM embedding_changes n
  WHERE n.METADATA$ACTION = 'INSERT' AND NOT EXISTS (
    SELECT 1 FROM embedding_changes o
    WHERE o.METADATA$ACTION = 'DELETE' AND o.id = n.id
      AND ${INDEXED_COLUMNS.map((column) => `o.${column} IS NOT DISTINCT FROM n.${column}`).join(' AND ')})
  UNION ALL
  SELECT id, 'DELETE' FROM embedding_changes WHERE METADATA$ACTION = 'DELETE' AND NOT METADATA$ISUPDATE`;

/**
 * Entries are read again for this long after they were logged: two consumers (replicas, the task) may commit
 * out of sequence order, and Snowflake's AUTOINCREMENT numbers are unique but need not rise with time
 * (NOORDER), so an entry can land below a sequence number already read.
 */
const REREAD_MS = 60_000;
/** Entries older than this are deleted by whichever replica prunes next. */
const KEEP_MS = 24 * 3_600_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * A memory replica's view of Snowflake change data capture: the stream EMBEDDING_CHANGES on `memories` sees
 * every insert, update and delete whoever makes it; `memory_changes` is the change log every replica reads
 * with its own cursor, so each replica sees every change (a queue that replicas drained would give each
 * change to one of them only). Any replica, and the task, may move the stream into the log.
 */
export class SnowflakeChangeLog {
  /** Sequence numbers already handed out, within the re-read window. */
  private readonly seen = new Set<number>();
  private cursor = 0;
  /** Database time (TIMESTAMP_NTZ text) of the previous read. */
  private since = '';
  private prunedAt = 0;

  constructor(private readonly db: SqlDatabase) {}

  /** Starts at the end of the log: what is already in L3 is what the replica's L2 was built from. */
  async start(): Promise<void> {
    const [row] = await this.db.query<{ seq: unknown; now: string }>(
      'SELECT coalesce(max(seq), 0) AS seq, CURRENT_TIMESTAMP()::TIMESTAMP_NTZ AS now FROM memory_changes',
    );
    this.cursor = Number(row?.seq ?? 0);
    this.since = row?.now ?? '';
  }

  /** Logs what the stream holds, then returns the ids of the memories changed since the last call. */
  async next(): Promise<string[]> {
    const [state] = await this.db.query<{ has: unknown; now: string }>(
      "SELECT SYSTEM$STREAM_HAS_DATA('EMBEDDING_CHANGES') AS has, CURRENT_TIMESTAMP()::TIMESTAMP_NTZ AS now",
    );
    if (state?.has === true || state?.has === 'true') await this.db.run(CONSUME_STREAM_SQL);
    const rows = await this.db.query<{ seq: unknown; memoryId: string }>(
      `SELECT seq, memory_id AS "memoryId" FROM memory_changes WHERE seq > ? OR changed_at >= ? ORDER BY seq`,
      [this.cursor, shiftTimestamp(this.since, -REREAD_MS)],
    );
    const ids = new Set<string>();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (this.seen.has(seq)) continue;
      this.seen.add(seq);
      ids.add(row.memoryId);
      this.cursor = Math.max(this.cursor, seq);
    }
    // Sequence numbers below the window's first are never read again.
    const oldest = rows.length > 0 ? Number(rows[0]!.seq) : this.cursor;
    for (const seq of this.seen) if (seq < oldest) this.seen.delete(seq);
    this.since = state?.now ?? this.since;
    await this.pruneNowAndThen();
    return [...ids];
  }

  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = Date.now();
    await this.db.run('DELETE FROM memory_changes WHERE changed_at < ?', [
      shiftTimestamp(this.since, -KEEP_MS),
    ]);
  }
}

/** A TIMESTAMP_NTZ as Snowflake returns it (`2026-12-07 18:07:36.280`) moved by `ms`, in the same form. */
export function shiftTimestamp(value: string, ms: number): string {
  const at = Date.parse(`${value.replace(' ', 'T')}Z`);
  if (Number.isNaN(at)) throw new TypeError(`Not a timestamp: ${JSON.stringify(value)}`);
  return new Date(at + ms).toISOString().replace('T', ' ').replace('Z', '');
}
