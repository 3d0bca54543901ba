#!/usr/bin/env -S npx tsx
/**
 * `npm run bench:memory [-- --memories 100000 --queries 200 --cold 0.1 --concurrency 256 --texts 2000 --redis
 * --store duckdb|snowflake]`: the memory subgraph's three tiers and its embedding batching, measured in-process
 * through the service-level functions (openMemoryService, rememberMemory, searchMemories) over a temporary
 * SOPHIA_DATA_DIR (`--store duckdb`, the default) or the local FAKE Snowflake through snowflake-sdk
 * (`--store snowflake`: the FAKE is a DuckDB-backed server on this machine, so its timings say what Sophia's
 * Snowflake path costs here, never what Snowflake would take). Change capture is paused during the run.
 *
 * - load: `--memories` distinct notes written through the real write path (rememberMemory, `--concurrency`
 *   calls in flight, the most the store's group commit takes per transaction: local embedder, near-duplicate
 *   check in L2, DuckDB commit, L2 upsert, L1 invalidation); memories/s and the total. Then the cold slice
 *   (`--cold`, a share of them) is moved to tier 3 and L2 is rebuilt without it.
 * - search, one row per tier and L1 backend, `--queries` sequential searches of 10 hits each, every hit checked
 *   to carry the row's `servedFrom` (the run fails otherwise), after 20 untimed ones: L2 = fresh searches for
 *   terms of warm memories; L3 = fresh searches for the code names of one group of cold memories (BM25 and exact
 *   cosine in DuckDB); L1 = the L2 searches repeated (the search cache). "screened out": candidates skipped
 *   because L2 alone would not answer them as the row needs (see memory-tiers.ts). "vs L2" divides by the L2
 *   row of the same backend. The whole run takes far longer than 5 minutes at 100,000 memories on a 2-core
 *   machine (the load and the two L2 rebuilds dominate); use a smaller `--memories` while developing. With
 *   `--redis` or REDIS_URL the rows are measured again with L1 in Redis (REDIS_URL, else 127.0.0.1:6379,
 *   database `--redis-db`; the run deletes its `sophia:*` keys in that database before and after).
 * - embedding: `--texts` distinct texts asked for at once through the real embedder and TEI provider against
 *   the FAKE TEI server (one request at a time, 15 ms + 0.2 ms per text, like one GPU), max batch 32 vs 1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { createLogger } from '@sophia/kit';
import { CEO, TEST_ANCHOR } from '@sophia/kit/testing';
import { loadMemoryConfig } from '../../subgraphs/memory/src/env.ts';
import {
  openMemoryService,
  rememberMemory,
  type MemoryService,
} from '../../subgraphs/memory/src/memory-service.ts';
import { generateCorpus, type BenchMemory } from './memory-corpus.ts';
import { GPU_COST, measureEmbedding, type EmbeddingSample } from './memory-embedding.ts';
import {
  SEARCH_LIMIT,
  timeFreshSearches,
  timeRepeatedSearches,
  type QueryPool,
  type TierSample,
} from './memory-tiers.ts';
import { flagChecks, table } from './report.ts';
import { startStoreBackend } from '../../subgraphs/kit/tests/store-contract-backends.ts';

const { values } = parseArgs({
  options: {
    memories: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    cold: { type: 'string', default: '0.1' },
    concurrency: { type: 'string', default: '256' },
    texts: { type: 'string', default: '2000' },
    redis: { type: 'boolean', default: false },
    'redis-db': { type: 'string', default: '15' },
    store: { type: 'string', default: 'duckdb' },
  },
});

const { problems, wholeNumber } = flagChecks();
const MEMORIES = wholeNumber('memories', values.memories, 100, 10_000_000);
const QUERIES = wholeNumber('queries', values.queries, 1, 100_000);
const CONCURRENCY = wholeNumber('concurrency', values.concurrency, 1, 10_000);
const TEXTS = wholeNumber('texts', values.texts, 1, 1_000_000);
const REDIS_DB = wholeNumber('redis-db', values['redis-db'], 0, 15);
const COLD_SHARE = Number(values.cold);
if (!(COLD_SHARE > 0 && COLD_SHARE <= 0.5)) problems.push(`--cold must be in (0, 0.5], got ${values.cold}`);
const REDIS_URL = values.redis || process.env['REDIS_URL'] ? redisUrl(process.env['REDIS_URL']) : undefined;
const STORE = values.store;
if (STORE !== 'duckdb' && STORE !== 'snowflake') {
  problems.push(`--store must be duckdb or snowflake, got ${JSON.stringify(STORE)}`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

/** REDIS_URL (or the local server) with the benchmark's database selected unless the URL names one. */
function redisUrl(fromEnv: string | undefined): string | undefined {
  if (!URL.canParse(fromEnv ?? 'redis://127.0.0.1:6379')) {
    problems.push(`REDIS_URL is not a URL: ${JSON.stringify(fromEnv)}`);
    return undefined;
  }
  const url = new URL(fromEnv ?? 'redis://127.0.0.1:6379');
  if (url.pathname === '' || url.pathname === '/') url.pathname = `/${REDIS_DB}`;
  return url.toString();
}

/** Every memory is the chief executive's, shared with the organisation; every search is theirs. */
const OWNER_ID = CEO.userId ?? 'usr_001';
/** Searches run untimed first on each backend, so the JIT and DuckDB's caches are warm. */
const WARM_UP = 20;
const seconds = (since: number) => (performance.now() - since) / 1000;
const progress = (message: string) => console.error(`[bench:memory] ${message}`);
const log = createLogger('bench-memory', 'warn');

/** Writes every memory through rememberMemory, `CONCURRENCY` calls in flight; returns ids by corpus index. */
async function load(service: MemoryService, corpus: readonly BenchMemory[]) {
  const scope = service.store.viewerScope(OWNER_ID);
  const ids: string[] = new Array<string>(corpus.length);
  let next = 0;
  let merged = 0;
  let reported = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < corpus.length; i = next++) {
      const result = await rememberMemory(service, scope, {
        content: corpus[i]!.content,
        kind: 'NOTE',
        visibility: 'ORG',
        accountId: null,
      });
      ids[i] = result.memory.id;
      if (result.merged) merged += 1;
      if (i - reported >= corpus.length / 10) {
        reported = i;
        progress(`loaded ${i} of ${corpus.length} (${(i / seconds(started)).toFixed(0)}/s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { ids, merged, seconds: seconds(started) };
}

/** Distinct queries of the matching memories, in corpus order. */
const distinctQueries = (corpus: readonly BenchMemory[], cold: boolean) => [
  ...new Set(corpus.filter((memory) => memory.cold === cold).map((memory) => memory.query)),
];

/** L2, L3 and L1 rows for the service's current L1 backend. */
async function measureTiers(service: MemoryService, warm: QueryPool, cold: QueryPool) {
  const scope = await service.store.viewerScope(OWNER_ID);
  const options = { count: QUERIES, warmUp: WARM_UP };
  const l2 = await timeFreshSearches(service, scope, warm, { ...options, expected: 'L2' });
  const l3 = await timeFreshSearches(service, scope, cold, { ...options, expected: 'L3' });
  const l1 = await timeRepeatedSearches(service, scope, l2.queries);
  return { L1: l1, L2: l2.sample, L3: l3.sample };
}

/** Deletes the keys the memory cache writes (`sophia:` prefix) in the benchmark's database. */
async function clearRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'sophia:*', 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

const runStarted = performance.now();
const loadAtStart = loadavg()[0]!;
const dataDir = mkdtempSync(join(tmpdir(), 'sophia-bench-memory-'));
const ON_FAKE_SNOWFLAKE =
  'Store: the local FAKE Snowflake (a DuckDB-backed server on this machine, spoken to through snowflake-sdk). ' +
  'These timings are the local FAKE server’s, NOT Snowflake’s: they show what Sophia’s Snowflake path costs here, ' +
  'not what a Snowflake warehouse would take.';
const storeBackend = await startStoreBackend(STORE === 'snowflake' ? 'snowflake' : 'duckdb');
if (STORE === 'snowflake') progress(ON_FAKE_SNOWFLAKE);
const baseEnv = {
  ...storeBackend.env,
  SOPHIA_DATA_DIR: dataDir,
  SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
  LOG_LEVEL: 'silent',
  // Change capture paused: the run measures writes and searches, not the background scan.
  MEMORY_CHANGE_POLL_MS: String(24 * 3_600_000),
};
const open = (env: Record<string, string>) =>
  openMemoryService(loadMemoryConfig({ ...baseEnv, ...env }), { registry: new Registry(), log });

const loadRows: string[][] = [];
const tierRows: string[][] = [];
const notes: string[] = [];
let service: MemoryService | undefined;
try {
  const corpus = generateCorpus(MEMORIES, COLD_SHARE, SEARCH_LIMIT);
  progress(`opening the service on ${STORE === 'snowflake' ? 'the FAKE Snowflake' : dataDir}`);
  service = await open({});
  progress(`loading ${MEMORIES} memories, ${CONCURRENCY} in flight`);
  const loaded = await load(service, corpus);

  const coldIds = loaded.ids.filter((_, i) => corpus[i]!.cold);
  let started = performance.now();
  for (let i = 0; i < coldIds.length; i += 1_000) await service.store.setTier(coldIds.slice(i, i + 1_000), 3);
  const l2Size = await service.rebuildWarmIndex();
  const coldSeconds = seconds(started);
  loadRows.push([
    String(MEMORIES),
    String(CONCURRENCY),
    loaded.seconds.toFixed(1),
    (MEMORIES / loaded.seconds).toFixed(0),
    String(loaded.merged),
    String(coldIds.length),
    coldSeconds.toFixed(1),
    String(l2Size),
  ]);

  const warmQueries: QueryPool = { candidates: distinctQueries(corpus, false), next: 0 };
  const coldQueries: QueryPool = { candidates: distinctQueries(corpus, true), next: 0 };
  const backends: { name: string; env: Record<string, string> }[] = [{ name: 'in-process', env: {} }];
  if (REDIS_URL !== undefined) {
    try {
      await clearRedis(REDIS_URL);
      backends.push({ name: 'Redis', env: { REDIS_URL } });
    } catch (error) {
      notes.push(`Redis skipped: ${REDIS_URL} did not answer (${String(error)}).`);
    }
  } else {
    notes.push('Redis not measured: pass --redis or set REDIS_URL.');
  }
  for (const [b, backend] of backends.entries()) {
    if (b > 0) {
      await service.close();
      service = undefined;
      started = performance.now();
      service = await open(backend.env);
      notes.push(`Reopening over ${MEMORIES} memories (L2 rebuilt) took ${seconds(started).toFixed(1)} s.`);
      // The Redis client connects in the background; until then the resilient cache serves in-process.
      const deadline = performance.now() + 10_000;
      while (service.cache.backend !== 'redis') {
        if (performance.now() > deadline) throw new Error(`the cache never reached Redis at ${REDIS_URL}`);
        // The resilient cache returns to Redis on a call, once the client is ready.
        await service.cache.get('bench:probe');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    progress(`searching with L1 ${backend.name}`);
    const tiers = await measureTiers(service, warmQueries, coldQueries);
    if (backend.name === 'Redis' && service.cache.backend !== 'redis') {
      throw new Error('the cache fell back to in-process during the Redis rows');
    }
    for (const tier of ['L1', 'L2', 'L3'] as const) {
      const sample: TierSample = tiers[tier];
      if (sample.queries < QUERIES) {
        notes.push(
          `${backend.name} ${tier}: only ${sample.queries} queries (the corpus ran out of candidates).`,
        );
      }
      tierRows.push([
        backend.name,
        tier,
        String(sample.queries),
        String(sample.screenedOut),
        String(sample.hits),
        sample.p50.toFixed(2),
        sample.p95.toFixed(2),
        sample.mean.toFixed(2),
        `×${(sample.p50 / tiers.L2.p50).toFixed(2)}`,
      ]);
    }
  }
} finally {
  await service?.close();
  await storeBackend.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (REDIS_URL !== undefined) await clearRedis(REDIS_URL).catch(() => undefined);
}

progress(`embedding ${TEXTS} texts, max batch 32 then 1`);
const batched: EmbeddingSample = await measureEmbedding(TEXTS, 32);
const unbatched: EmbeddingSample = await measureEmbedding(TEXTS, 1);
const embeddingRows = [batched, unbatched].map((sample) => [
  String(sample.maxBatch),
  String(sample.texts),
  String(sample.calls),
  sample.meanBatch.toFixed(1),
  sample.seconds.toFixed(2),
  sample.textsPerSecond.toFixed(0),
  `×${(sample.textsPerSecond / unbatched.textsPerSecond).toFixed(1)}`,
]);

console.log(
  [
    '',
    ...(STORE === 'snowflake' ? [ON_FAKE_SNOWFLAKE, ''] : []),
    STORE === 'snowflake'
      ? 'Load (rememberMemory, local embedder, the local FAKE Snowflake through snowflake-sdk)'
      : `Load (rememberMemory, local embedder, DuckDB in ${tmpdir()})`,
    table(
      [
        'memories',
        'in flight',
        'load s',
        'memories/s',
        'merged',
        'made cold',
        'setTier + L2 rebuild s',
        'L2 size',
      ],
      loadRows,
    ),
    '',
    `Search latency, ${SEARCH_LIMIT} hits per query, one at a time (every hit's servedFrom checked)`,
    table(
      [
        'L1 backend',
        'served from',
        'queries',
        'screened out',
        'hits checked',
        'p50 ms',
        'p95 ms',
        'mean ms',
        'p50 vs L2',
      ],
      tierRows,
    ),
    '',
    `Embedding (FAKE TEI, ${GPU_COST.overheadMs} ms + ${GPU_COST.perItemMs} ms per text, one call at a time)`,
    table(['max batch', 'texts', 'calls', 'mean batch', 'seconds', 'texts/s', 'vs batch 1'], embeddingRows),
    '',
    ...notes,
    ...(STORE === 'snowflake' ? [ON_FAKE_SNOWFLAKE] : []),
    `Whole run ${seconds(runStarted).toFixed(0)} s on ${availableParallelism()} cores; load average ` +
      `${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (a shared machine is noisy).`,
    '',
  ].join('\n'),
);
