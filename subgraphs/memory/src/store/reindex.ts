import { placeholders, type Dialect, type SqlDatabase, type SqlParam } from '@sophia/kit';
import type { Embedder } from '../embeddings/embedder.ts';
import { contentHash } from '../remember-input.ts';
import { indexedHash, MEMORY_TEXT_SQL, memoryText } from './rows.ts';
import { vectorDimension } from './schema-snowflake.ts';
import { indexTerms } from './writes.ts';

/** A memory's text as a re-index reads it. */
export interface TextRow {
  readonly id: string;
  readonly sourceTitle: string | null;
  readonly content: string;
}

const TEXT_COLUMNS = 'id, source_title AS "sourceTitle", content';

/**
 * Memories whose vector or index terms were not made from their text as it stands now, in id order after
 * `after`: no vector yet (seeded or imported), or text changed since it was indexed — by an import, an
 * analyst's UPDATE through another connection, anything that did not go through the memory service. The hash
 * is compared in SQL, so this catches every change of the text however it was made.
 */
export function staleRows(
  db: SqlDatabase,
  after: string,
  limit: number,
  /** Only among these memories (change capture's changed ids). */
  among?: readonly string[],
): Promise<TextRow[]> {
  if (among?.length === 0) return Promise.resolve([]);
  return db.query<TextRow>(
    `SELECT ${TEXT_COLUMNS} FROM memories
     WHERE id > ? AND (embedding IS NULL OR indexed_hash IS NULL OR indexed_hash <> md5(${MEMORY_TEXT_SQL}))
       ${among ? `AND id IN (${placeholders(among)})` : ''}
     ORDER BY id LIMIT ?`,
    [after, ...(among ?? []), limit],
  );
}

/**
 * Embeds `rows` (one embedder batch path for all: the DataLoader joins them) and writes, per memory, its new
 * vector, content hash, index terms and the hash of the text they were made from, in one transaction. A row
 * whose text changed again meanwhile is left for the next pass (its hash still differs). A text the model
 * refuses fails the call. Returns the ids written.
 */
export async function reindexRows(
  db: SqlDatabase,
  embedder: Embedder,
  rows: readonly TextRow[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const vectors = await embedder.embedMany(rows.map(memoryText));
  return db.transaction(async (tx) => {
    const now = new Map(
      (
        await tx.query<TextRow>(`SELECT ${TEXT_COLUMNS} FROM memories WHERE id IN (${placeholders(rows)})`, [
          ...rows.map((row) => row.id),
        ])
      ).map((row) => [row.id, memoryText(row)]),
    );
    const written: string[] = [];
    for (const [i, row] of rows.entries()) {
      const vector = vectors[i];
      if (!(vector instanceof Float32Array)) {
        throw new Error(`Cannot embed memory ${row.id}: ${vector?.message ?? 'no result'}`);
      }
      const text = memoryText(row);
      if (now.get(row.id) !== text) continue;
      const { terms, termCount } = indexTerms(row);
      await tx.run(
        `UPDATE memories SET embedding = ${vectorParamSql(db.dialect, vector.length)}, content_hash = ?,
           term_count = ?, indexed_hash = ? WHERE id = ?`,
        [
          JSON.stringify(Array.from(vector)),
          contentHash(row.content),
          termCount,
          indexedHash(text),
          row.id,
        ] as SqlParam[],
      );
      await tx.run('DELETE FROM memory_terms WHERE memory_id = ?', [row.id]);
      await tx.insertRows('memory_terms', terms);
      written.push(row.id);
    }
    return written;
  });
}

/** A vector bound as JSON text, cast to the dialect's vector type. */
function vectorParamSql(dialect: Dialect, dimension: number): string {
  return dialect === 'snowflake'
    ? `PARSE_JSON(?)::ARRAY::VECTOR(FLOAT, ${vectorDimension(dimension)})`
    : '?::FLOAT[]';
}
