import { placeholders, type Dialect, type SqlRow, type SqlRunner } from '@sophia/kit';
import { contentHash } from '../remember-input.ts';
import { termFrequencies } from '../tokenize.ts';
import { indexedHash, memoryText, type MemoryRow, type NewMemory } from './rows.ts';
import { vectorDimension } from './schema-snowflake.ts';

/** A memory's index terms and their total count (the source title is indexed too). */
export function indexTerms(memory: {
  readonly id: string;
  readonly sourceTitle: string | null;
  readonly content: string;
}) {
  const terms: Array<{ memory_id: string; term: string; tf: number }> = [];
  let termCount = 0;
  for (const [term, tf] of termFrequencies(memoryText(memory))) {
    terms.push({ memory_id: memory.id, term, tf });
    termCount += tf;
  }
  return { terms, termCount };
}

/**
 * Writes memories with their index terms (a chunk is found by its document's name). A memory written with
 * its vector records the hash of the text it was made from; one without (seed, import) is embedded later.
 */
export async function insertMemories(
  tx: SqlRunner,
  memories: readonly NewMemory[],
  dialect: Dialect = 'duckdb',
): Promise<void> {
  const rows = [];
  const terms = [];
  const withVectors = memories.some((memory) => memory.embedding !== undefined);
  for (const memory of memories) {
    const indexed = indexTerms(memory);
    terms.push(...indexed.terms);
    const termCount = indexed.termCount;
    rows.push({
      id: memory.id,
      owner_id: memory.ownerId,
      visibility: memory.visibility,
      kind: memory.kind,
      content: memory.content,
      content_hash: contentHash(memory.content),
      term_count: termCount,
      source_type: memory.sourceType,
      source_id: memory.sourceId,
      source_title: memory.sourceTitle,
      account_id: memory.accountId,
      team_id: memory.teamId,
      metadata: memory.metadata,
      tier: memory.tier ?? 2,
      created_at: memory.createdAt,
      accessed_at: memory.accessedAt ?? memory.createdAt,
      access_count: 0,
      // A JSON list that DuckDB casts to FLOAT[] on insert (Snowflake: see insertSnowflakeMemories).
      embedding: memory.embedding ? Array.from(memory.embedding) : null,
      // Only with a vector: what the seed and the import write (no vectors) fits every schema version.
      ...(withVectors && { indexed_hash: memory.embedding ? indexedHash(memoryText(memory)) : null }),
    });
  }
  if (dialect === 'snowflake') await insertSnowflakeMemories(tx, rows);
  else await tx.insertRows('memories', rows);
  await tx.insertRows('memory_terms', terms);
}

/** Rows per Snowflake INSERT: each value is one bind, and a vector's JSON is about 8 KB. */
const SNOWFLAKE_INSERT_ROWS = 100;

/**
 * Memories into Snowflake: a VALUES list of binds selected into the table, because a VARIANT needs
 * `PARSE_JSON(?)` and a VECTOR `PARSE_JSON(?)::ARRAY::VECTOR(FLOAT, n)` (snowflake-sdk binds neither), and
 * Snowflake allows neither function inside INSERT … VALUES.
 */
async function insertSnowflakeMemories(tx: SqlRunner, rows: readonly SqlRow[]): Promise<void> {
  const withVector = rows.find((row) => Array.isArray(row['embedding']));
  const dimension = withVector ? vectorDimension((withVector['embedding'] as number[]).length) : undefined;
  const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== 'embedding' || dimension);
  const select = columns.map((column) => {
    if (column === 'metadata') return 'PARSE_JSON(v.metadata)';
    if (column === 'embedding') return `PARSE_JSON(v.embedding)::ARRAY::VECTOR(FLOAT, ${dimension})`;
    if (column === 'created_at' || column === 'accessed_at') return `v.${column}::TIMESTAMP_NTZ`;
    return `v.${column}`;
  });
  const row = `(${placeholders(columns)})`;
  for (let start = 0; start < rows.length; start += SNOWFLAKE_INSERT_ROWS) {
    const chunk = rows.slice(start, start + SNOWFLAKE_INSERT_ROWS);
    await tx.run(
      `INSERT INTO memories (${columns.join(', ')}) SELECT ${select.join(', ')}
       FROM (VALUES ${chunk.map(() => row).join(', ')}) AS v (${columns.join(', ')})`,
      chunk.flatMap((r) =>
        columns.map((column) => {
          const value = r[column];
          return typeof value === 'object' && value !== null
            ? JSON.stringify(value)
            : (value as string | number | null);
        }),
      ),
    );
  }
}

/** The row as the store returns it, for a memory just written. */
export function storedRow(memory: NewMemory): MemoryRow {
  return {
    id: memory.id,
    ownerId: memory.ownerId,
    teamId: memory.teamId,
    visibility: memory.visibility,
    kind: memory.kind,
    content: memory.content,
    sourceType: memory.sourceType,
    sourceId: memory.sourceId,
    sourceTitle: memory.sourceTitle,
    accountId: memory.accountId,
    metadata: memory.metadata,
    tier: memory.tier ?? 2,
    createdAt: memory.createdAt,
    accessedAt: memory.accessedAt ?? memory.createdAt,
    accessCount: 0,
  };
}

/** Who is on which team, so that TEAM visibility can be decided inside the memory subgraph; by user id. */
export function upsertDirectory(
  tx: SqlRunner,
  people: readonly { readonly id: string; readonly teamId: string | null }[],
): Promise<void> {
  return tx.upsertRows(
    'directory',
    people.map((person) => ({ user_id: person.id, team_id: person.teamId })),
    ['user_id'],
  );
}

/**
 * Replaces the memories made from these sources (documents, notes) with `memories`: a source imported again
 * keeps no chunk of its earlier text, and its memory ids (derived from the source's id) come back the same.
 */
export async function replaceSourceMemories(
  tx: SqlRunner,
  sourceIds: readonly string[],
  memories: readonly NewMemory[],
  dialect: Dialect = 'duckdb',
): Promise<void> {
  const CHUNK = 1000;
  for (let start = 0; start < sourceIds.length; start += CHUNK) {
    const ids = sourceIds.slice(start, start + CHUNK);
    await tx.run(
      `DELETE FROM memory_terms WHERE memory_id IN (SELECT id FROM memories WHERE source_id IN (${placeholders(ids)}))`,
      ids,
    );
    await tx.run(`DELETE FROM memories WHERE source_id IN (${placeholders(ids)})`, ids);
  }
  await insertMemories(tx, memories, dialect);
}
