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

/** Rows per UPDATE: every value is one bind, and a vector's JSON is about 8 KB. */
const UPDATE_ROWS = 100;

/**
 * Embeds `rows` (one embedder batch path for all: the DataLoader joins them) and writes their new vectors,
 * content hashes, index terms and the hash of the text they were made from, in one transaction of a few
 * statements (a round trip to Snowflake is costly). A row whose text changed again meanwhile is left for the
 * next pass (its hash still differs). A text the model refuses fails the call. Returns the ids written.
 */
export async function reindexRows(
  db: SqlDatabase,
  embedder: Embedder,
  rows: readonly TextRow[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const vectors = await embedder.embedMany(rows.map(memoryText));
  const updates = rows.map((row, i) => {
    const vector = vectors[i];
    if (!(vector instanceof Float32Array)) {
      throw new Error(`Cannot embed memory ${row.id}: ${vector?.message ?? 'no result'}`);
    }
    return { row, vector, text: memoryText(row), ...indexTerms(row) };
  });
  return db.transaction(async (tx) => {
    const current = await tx.query<TextRow>(
      `SELECT ${TEXT_COLUMNS} FROM memories WHERE id IN (${placeholders(rows)})`,
      rows.map((row) => row.id),
    );
    const now = new Map(current.map((row) => [row.id, memoryText(row)]));
    const fresh = updates.filter((update) => now.get(update.row.id) === update.text);
    for (let start = 0; start < fresh.length; start += UPDATE_ROWS) {
      const chunk = fresh.slice(start, start + UPDATE_ROWS);
      await tx.run(
        `UPDATE memories SET embedding = ${vectorCastSql(db.dialect, chunk[0]!.vector.length)},
           content_hash = v.content_hash, term_count = v.term_count, indexed_hash = v.indexed_hash
         FROM (VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')})
           AS v (id, embedding, content_hash, term_count, indexed_hash)
         WHERE memories.id = v.id`,
        chunk.flatMap((update): SqlParam[] => [
          update.row.id,
          JSON.stringify(Array.from(update.vector)),
          contentHash(update.row.content),
          update.termCount,
          indexedHash(update.text),
        ]),
      );
    }
    const ids = fresh.map((update) => update.row.id);
    for (let start = 0; start < ids.length; start += 1_000) {
      const chunk = ids.slice(start, start + 1_000);
      await tx.run(`DELETE FROM memory_terms WHERE memory_id IN (${placeholders(chunk)})`, chunk);
    }
    await tx.insertRows(
      'memory_terms',
      fresh.flatMap((update) => update.terms),
    );
    return ids;
  });
}

/** `v.embedding` (a vector as JSON text) cast to the dialect's vector type. */
function vectorCastSql(dialect: Dialect, dimension: number): string {
  return dialect === 'snowflake'
    ? `PARSE_JSON(v.embedding)::ARRAY::VECTOR(FLOAT, ${vectorDimension(dimension)})`
    : 'v.embedding::FLOAT[]';
}
