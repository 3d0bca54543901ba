import { badUserInput, boundedCount, boundedList } from '@sophia/kit';
import { getEmbeddings, lookupSearch, setEmbedding } from './cache/index.ts';
import type { MemoryService } from './memory-service.ts';
import type { AccessRecorder } from './tiers/access-recorder.ts';
import { TIER_BY_NAME, type MemoryFilter, type MemoryRow, type TierName } from './store.ts';
import { queryTerms } from './tokenize.ts';
import type { ViewerScope } from './visibility.ts';
import { fuseByReciprocalRank, RRF_K } from './warm-index/index.ts';

export const MAX_SEARCH_LIMIT = 50;
export const MAX_QUERY_LENGTH = 2_000;

/** Which tier answered: L1 cache, L2 in-process index, L3 persistent store (DESIGN §6). */
export type ServedFrom = 'L1' | 'L2' | 'L3';

/** The GraphQL filter: a memory filter with tiers by name. */
export type SearchFilter = Omit<MemoryFilter, 'tiers'> & {
  readonly tiers?: readonly TierName[] | null;
};

export interface MemorySearchHit {
  readonly memory: MemoryRow;
  readonly score: number;
  readonly servedFrom: ServedFrom;
}

/** The memory as it reads with the reads counted but not yet written (this one included). */
export function withPendingReads(memory: MemoryRow, access: AccessRecorder): MemoryRow {
  const pending = access.pending(memory.id);
  if (!pending) return memory;
  return { ...memory, accessedAt: pending.at, accessCount: memory.accessCount + pending.count };
}

/** Validates a search; returns the query's terms (none when it is only stop words). */
export function searchTerms(
  query: string,
  limit: number | null | undefined,
): { terms: string[]; limit: number } {
  if (query.trim() === '') throw badUserInput('`query` must not be blank.', 'query');
  if (query.length > MAX_QUERY_LENGTH) {
    throw badUserInput(`\`query\` must be at most ${MAX_QUERY_LENGTH} characters.`, 'query');
  }
  const size = boundedCount(limit, { argument: 'limit', max: MAX_SEARCH_LIMIT, fallback: 10 });
  return { terms: queryTerms(query), limit: size };
}

/** An L2 hit counts only when the lexical side found it or its vector is at least this similar. */
export const L2_SIMILARITY_FLOOR = 0.25;
/** The best possible reciprocal-rank score: first on both sides. L2 scores are divided by it (0..1]. */
const RRF_MAX = 2 / (RRF_K + 1);

interface CachedHit {
  readonly id: string;
  readonly score: number;
  readonly servedFrom: 'L2' | 'L3';
}

/**
 * L3: exact BM25 over everything the viewer may see, and exact cosine similarity over the cold memories (the
 * warm index holds the others), fused by reciprocal rank like L2 so scores are on one scale.
 */
async function searchStore(
  service: MemoryService,
  scope: ViewerScope,
  request: { terms: string[]; vector: Float32Array; limit: number; filter: MemoryFilter },
): Promise<{ memory: MemoryRow; score: number }[]> {
  const { store } = service;
  const [lexical, semantic] = await Promise.all([
    store.searchLexical(scope, request.terms, { limit: request.limit, filter: request.filter }),
    store.searchColdVectors(scope, request.vector, {
      limit: request.limit,
      filter: request.filter,
      minSimilarity: L2_SIMILARITY_FLOOR,
    }),
  ]);
  const rows = new Map([...lexical, ...semantic].map(({ memory }) => [memory.id, memory]));
  return fuseByReciprocalRank([
    lexical.map(({ memory }) => memory.id),
    semantic.map(({ memory }) => memory.id),
  ])
    .slice(0, request.limit)
    .map(({ id, score }) => ({ memory: rows.get(id)!, score: Math.min(1, score / RRF_MAX) }));
}

/** The query's vector, from the embedding cache or the embedder (which then fills the cache). */
async function queryVector(service: MemoryService, query: string): Promise<Float32Array> {
  const [cached] = await getEmbeddings(service.cache, service.embedder.model, [query]);
  if (cached) return cached;
  const vector = await service.embedder.embed(query);
  await setEmbedding(service.cache, service.embedder.model, query, vector, service.cacheTtlMs);
  return vector;
}

/**
 * Searches what the viewer may see and counts the hits as read. L1 (the search cache, keyed by the viewer's
 * scope generations and the request) answers a repetition; otherwise L2 (the warm index: vectors and terms of
 * hot and warm memories, fused) answers, and L3 (exact BM25 in the store) fills in when L2 finds fewer than
 * `limit` good hits. Rows always come from the store, which re-checks visibility.
 */
export async function searchMemories(
  service: MemoryService,
  scope: ViewerScope,
  request: {
    query: string;
    limit?: number | null | undefined;
    filter?: SearchFilter | null | undefined;
  },
): Promise<MemorySearchHit[]> {
  const { store } = service;
  const { terms, limit } = searchTerms(request.query, request.limit);
  // Every filter list is bounded before anything else, even a search that will match nothing.
  const tierNames = boundedList(request.filter?.tiers, 'filter.tiers');
  const tiers = tierNames?.length ? tierNames.map((tier) => TIER_BY_NAME[tier]) : null;
  const filter: MemoryFilter = {
    kinds: boundedList(request.filter?.kinds, 'filter.kinds') ?? null,
    accountId: request.filter?.accountId ?? null,
    visibility: boundedList(request.filter?.visibility, 'filter.visibility') ?? null,
    tiers,
  };
  if (terms.length === 0) return [];
  const lookup = await lookupSearch<CachedHit[]>(service.cache, scope, {
    query: request.query,
    filter,
    limit,
  });

  let ranked: { hit: CachedHit; memory: MemoryRow }[];
  let fromCache = false;
  if (lookup.hit) {
    fromCache = true;
    const cached = lookup.hit.value;
    const rows = new Map(
      (
        await store.memoriesByIds(
          scope,
          cached.map((hit) => hit.id),
        )
      ).map((row) => [row.id, row]),
    );
    ranked = cached.flatMap((hit) => {
      const memory = rows.get(hit.id);
      return memory ? [{ hit, memory }] : [];
    });
  } else {
    const vector = await queryVector(service, request.query);
    const warmHits = service.warm
      .search({ vector, text: request.query, scope, filter, limit })
      .filter((hit) => hit.lexicalRank !== undefined || (hit.vectorSimilarity ?? 0) >= L2_SIMILARITY_FLOOR);
    const rows = new Map(
      (
        await store.memoriesByIds(
          scope,
          warmHits.map((hit) => hit.id),
        )
      ).map((row) => [row.id, row]),
    );
    ranked = warmHits.flatMap((hit) => {
      const memory = rows.get(hit.id);
      if (!memory || (tiers && !tiers.includes(memory.tier))) return [];
      const score = Math.min(1, hit.score / RRF_MAX);
      return [{ hit: { id: hit.id, score, servedFrom: 'L2' as const }, memory }];
    });
    if (ranked.length < limit || tiers?.includes(3)) {
      const seen = new Set(ranked.map(({ hit }) => hit.id));
      for (const found of await searchStore(service, scope, { terms, vector, limit, filter })) {
        if (ranked.length >= limit && !tiers?.includes(3)) break;
        if (seen.has(found.memory.id)) continue;
        ranked.push({
          hit: { id: found.memory.id, score: found.score, servedFrom: 'L3' },
          memory: found.memory,
        });
      }
      ranked.sort((x, y) => y.hit.score - x.hit.score);
      ranked = ranked.slice(0, limit);
    }
    await lookup.store(
      ranked.map(({ hit }) => hit),
      service.cacheTtlMs,
    );
  }
  service.access.record(ranked.map(({ memory }) => memory.id));
  return ranked.map(({ hit, memory }) => ({
    memory: withPendingReads(memory, service.access),
    score: hit.score,
    servedFrom: fromCache ? 'L1' : hit.servedFrom,
  }));
}
