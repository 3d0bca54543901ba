import { placeholders, type SqlRunner } from '@sophia/kit';
import { contentHash } from '../remember-input.ts';
import { termFrequencies } from '../tokenize.ts';
import { memoryText, type MemoryRow, type NewMemory } from './rows.ts';

/** Writes memories with their index terms (the source title is indexed too: a chunk is found by its document's name). */
export async function insertMemories(tx: SqlRunner, memories: readonly NewMemory[]): Promise<void> {
  const rows = [];
  const terms = [];
  for (const memory of memories) {
    const frequencies = termFrequencies(memoryText(memory));
    let termCount = 0;
    for (const [term, tf] of frequencies) {
      terms.push({ memory_id: memory.id, term, tf });
      termCount += tf;
    }
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
      // A JSON list that DuckDB casts to FLOAT[] on insert.
      embedding: memory.embedding ? Array.from(memory.embedding) : null,
    });
  }
  await tx.insertRows('memories', rows);
  await tx.insertRows('memory_terms', terms);
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
  await insertMemories(tx, memories);
}
