import type { Dialect, SqlParam, SqlRunner } from '@sophia/kit';
import type { CitationRef } from '../citations.ts';
import type { MessageRow, MessageStatus } from '../store.ts';

/** How a reply ended: its whole text, its citations and its final status. */
export interface ReplyEnd {
  readonly id: string;
  readonly content: string;
  readonly status: MessageStatus;
  readonly citations: readonly CitationRef[];
}

/** What writing replies' ends needs from the store. */
export interface ReplyEndWriting {
  readonly dialect: Dialect;
  /** This replica: a reply another replica has taken (its writer) is not changed. */
  readonly replicaId: string;
  /** The message columns an update never changes, as the store reads them (`m.`). */
  readonly messageKeyColumns: string;
  /** Messages among `ids` as they stand. */
  readonly readMessages: (ids: readonly string[]) => Promise<MessageRow[]>;
}

/**
 * Writes the ends of several replies in one statement, not one each: on DuckDB a statement costs about a
 * millisecond whatever its rows, so the replies that ended while the last batch was written cost little more
 * than one. Each reply as it now stands, in order; a reply another replica has taken (its lease ran out and it
 * was failed there) is not changed, and comes back as it stands; null for a reply that does not exist.
 */
export async function finishReplies(
  db: SqlRunner,
  writing: ReplyEndWriting,
  ends: readonly ReplyEnd[],
): Promise<(MessageRow | null)[]> {
  const citations = writing.dialect === 'snowflake' ? 'PARSE_JSON(v.citations)' : 'v.citations';
  const update = `UPDATE messages AS m SET content = v.content, status = v.status, citations = ${citations}
    FROM (VALUES ${ends.map(() => '(?, ?, ?, ?)').join(', ')}) AS v(id, content, status, citations)
    WHERE m.id = v.id AND (m.writer_id IS NULL OR m.writer_id = ?)`;
  const values: SqlParam[] = [
    ...ends.flatMap((end) => [end.id, end.content, end.status, JSON.stringify(end.citations)]),
    writing.replicaId,
  ];
  const written = new Map<string, MessageRow>();
  if (writing.dialect === 'duckdb') {
    // RETURNING reads back only what was not written: a finished reply's text is not decoded again.
    const rows = await db.query<Omit<MessageRow, 'content' | 'status' | 'citations'>>(
      `${update} RETURNING ${writing.messageKeyColumns}`,
      values,
    );
    const byId = new Map(ends.map((end) => [end.id, end]));
    for (const row of rows) written.set(row.id, { ...row, ...byId.get(row.id)! });
  } else {
    // Snowflake has no UPDATE … RETURNING: the rows are read after the update, as every other one below.
    await db.run(update, values);
  }
  const unread = ends.filter((end) => !written.has(end.id)).map((end) => end.id);
  const standing = new Map(
    (unread.length > 0 ? await writing.readMessages(unread) : []).map((row) => [row.id, row]),
  );
  return ends.map((end) => written.get(end.id) ?? standing.get(end.id) ?? null);
}
