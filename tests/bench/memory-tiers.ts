import { performance } from 'node:perf_hooks';
import type { MemoryService } from '../../subgraphs/memory/src/memory-service.ts';
import { L2_SIMILARITY_FLOOR, searchMemories, type ServedFrom } from '../../subgraphs/memory/src/search.ts';
import type { ViewerScope } from '../../subgraphs/memory/src/visibility.ts';
import { percentile } from './report.ts';

/** Hits per search, the API's default page. */
export const SEARCH_LIMIT = 10;

export interface TierSample {
  /** Searches timed. */
  readonly queries: number;
  /** Hits returned in all, every one checked to carry the expected `servedFrom`. */
  readonly hits: number;
  /** Candidates skipped because L2 alone would not have answered them as the row needs. */
  readonly screenedOut: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
}

/** Candidate queries not yet used by an earlier row or backend (each timed search must be fresh). */
export interface QueryPool {
  readonly candidates: readonly string[];
  next: number;
}

/**
 * How many good hits the warm index alone has for `query`, asked directly (no cache, no store, no read
 * counted) with the filter the search applies (a lexical match, or a vector at least as similar as the floor).
 */
async function warmAnswers(service: MemoryService, scope: ViewerScope, query: string): Promise<number> {
  return service.warm
    .search({ vector: await service.embedder.embed(query), text: query, scope, limit: SEARCH_LIMIT })
    .filter((hit) => hit.lexicalRank !== undefined || (hit.vectorSimilarity ?? 0) >= L2_SIMILARITY_FLOOR)
    .length;
}

/**
 * Times `count` fresh searches from `pool`, one after another (latency, not throughput), after `warmUp`
 * untimed ones (JIT, DuckDB's caches). Each candidate is screened just before it runs: an L2 row needs a whole
 * page from the warm index (so the search never reaches L3), an L3 row needs nothing from it (so every hit
 * comes from the store). Screening is needed because the local embedder hashes terms into buckets: a query term
 * that collides with a common one lifts unrelated warm memories over the floor. For L3, counted reads are
 * written first: reading a cold memory promotes it into L2 (DESIGN §6), and the screen must see that.
 *
 * Every hit must carry `expected` as its `servedFrom` and every search must find something: a row never
 * reports a tier it did not measure. Returns the sample and the queries timed (for an L1 repetition).
 */
export async function timeFreshSearches(
  service: MemoryService,
  scope: ViewerScope,
  pool: QueryPool,
  options: { expected: 'L2' | 'L3'; count: number; warmUp: number },
): Promise<{ sample: TierSample; queries: string[] }> {
  const { expected, count, warmUp } = options;
  const queries: string[] = [];
  const times: number[] = [];
  let hits = 0;
  let screenedOut = 0;
  let warmedUp = 0;
  while (queries.length < count && pool.next < pool.candidates.length) {
    const query = pool.candidates[pool.next++]!;
    if (expected === 'L3') await service.access.flush();
    const good = await warmAnswers(service, scope, query);
    if (expected === 'L2' ? good < SEARCH_LIMIT : good > 0) {
      screenedOut += 1;
      continue;
    }
    const started = performance.now();
    const found = await searchMemories(service, scope, { query, limit: SEARCH_LIMIT });
    const elapsed = performance.now() - started;
    check(found, query, expected);
    if (warmedUp < warmUp) {
      warmedUp += 1;
      continue;
    }
    times.push(elapsed);
    queries.push(query);
    hits += found.length;
  }
  return { sample: summarize(times, hits, screenedOut), queries };
}

/** Times the repetition of searches already run once: each is answered by L1, the search cache. */
export async function timeRepeatedSearches(
  service: MemoryService,
  scope: ViewerScope,
  queries: readonly string[],
): Promise<TierSample> {
  const times: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const started = performance.now();
    const found = await searchMemories(service, scope, { query, limit: SEARCH_LIMIT });
    times.push(performance.now() - started);
    check(found, query, 'L1');
    hits += found.length;
  }
  return summarize(times, hits, 0);
}

function check(found: readonly { servedFrom: ServedFrom }[], query: string, expected: ServedFrom): void {
  if (found.length === 0) throw new Error(`${expected}: "${query}" found nothing`);
  const wrong = found.filter((hit) => hit.servedFrom !== expected);
  if (wrong.length > 0) {
    throw new Error(
      `${expected}: "${query}" had ${wrong.length} of ${found.length} hits served from ` +
        `${[...new Set(wrong.map((hit) => hit.servedFrom))].join(', ')}`,
    );
  }
}

function summarize(times: number[], hits: number, screenedOut: number): TierSample {
  times.sort((a, b) => a - b);
  return {
    queries: times.length,
    hits,
    screenedOut,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    mean: times.reduce((sum, time) => sum + time, 0) / times.length,
  };
}
