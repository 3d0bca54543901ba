import { badUserInput } from '@sophia/kit';
import type { MemoryFilter, MemoryRow, MemoryStore } from './store.ts';
import { queryTerms } from './tokenize.ts';
import type { ViewerScope } from './visibility.ts';

export const MAX_SEARCH_LIMIT = 50;
export const MAX_QUERY_LENGTH = 2_000;

/** Which tier answered: L1 cache, L2 in-process index, L3 persistent store (DESIGN §6). */
export type ServedFrom = 'L1' | 'L2' | 'L3';

export interface MemorySearchHit {
  readonly memory: MemoryRow;
  readonly score: number;
  readonly servedFrom: ServedFrom;
}

/** The memory as it reads after a read was counted. */
export const withAccess = (memory: MemoryRow, at: string): MemoryRow => ({
  ...memory,
  accessedAt: at,
  accessCount: memory.accessCount + 1,
});

/** Validates a search; returns the query's terms (none when it is only stop words). */
export function searchTerms(
  query: string,
  limit: number | null | undefined,
): { terms: string[]; limit: number } {
  if (query.trim() === '') throw badUserInput('`query` must not be blank.', 'query');
  if (query.length > MAX_QUERY_LENGTH) {
    throw badUserInput(`\`query\` must be at most ${MAX_QUERY_LENGTH} characters.`, 'query');
  }
  const size = limit ?? 10;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SEARCH_LIMIT) {
    throw badUserInput(`\`limit\` must be between 1 and ${MAX_SEARCH_LIMIT}.`, 'limit');
  }
  return { terms: queryTerms(query), limit: size };
}

/**
 * Searches what the viewer may see and counts the hits as read. Today every search is answered by the
 * persistent store (L3, exact BM25); the cache and the vector index put themselves in front of it here.
 */
export async function searchMemories(
  store: MemoryStore,
  scope: ViewerScope,
  request: { query: string; limit?: number | null | undefined; filter?: MemoryFilter | null | undefined },
): Promise<MemorySearchHit[]> {
  const { terms, limit } = searchTerms(request.query, request.limit);
  const hits = await store.searchLexical(scope, terms, { limit, filter: request.filter ?? {} });
  const at = await store.recordAccess(hits.map((hit) => hit.memory.id));
  return hits.map(({ memory, score }) => ({ memory: withAccess(memory, at), score, servedFrom: 'L3' }));
}
