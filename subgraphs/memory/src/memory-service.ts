import { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { traceRedis, type Logger, type RequestDeadline } from '@sophia/kit';
import {
  createCacheMetrics,
  createMemoryCache,
  createRedisCache,
  createResilientCache,
  memoryKey,
  REDIS_CLIENT_OPTIONS,
  withCacheMetrics,
  writeTags,
  type HotCache,
} from './cache/index.ts';
import { startChangeCapture, type ChangeCapture } from './change-capture/change-capture.ts';
import { sameDuplicateScope } from './duplicate-scope.ts';
import { createConfiguredEmbedder } from './embeddings/create-provider.ts';
import type { Embedder } from './embeddings/embedder.ts';
import type { MemoryConfig } from './env.ts';
import { MemoryStore, memoryText, type RememberRequest, type RememberResult, type WarmRow } from './store.ts';
import type { Guarded, ViewerScope } from './visibility.ts';
import { createAccessRecorder, type AccessRecorder } from './tiers/access-recorder.ts';
import { tierPolicyOf } from './tiers/tier-policy.ts';
import { WarmIndex, type WarmEntry } from './warm-index/index.ts';

/** The three tiers and the embedder, built once per process and shared by every request (DESIGN §6). */
export interface MemoryService {
  readonly store: MemoryStore;
  readonly embedder: Embedder;
  /** L1: search results and query embeddings. */
  readonly cache: HotCache;
  readonly cacheTtlMs: number;
  /** Cosine similarity at or above which a new memory merges into the viewer's existing one (same scope). */
  readonly duplicateSimilarity: number;
  /** L2: hot and warm memories. */
  readonly warm: WarmIndex;
  /** Counted reads, written in batches; writing them promotes what was read. */
  readonly access: AccessRecorder;
  /** Rebuilds L2 from every hot and warm memory in the store; returns how many it holds. */
  rebuildWarmIndex(): Promise<number>;
  /**
   * One pass of the maintenance loop (it also runs on a timer): writes counted reads, then demotes idle
   * memories; cold ones leave L2. Returns the ids that moved down.
   */
  maintain(now?: number): Promise<{ warm: string[]; cold: string[] }>;
  /** Change capture: memories changed outside this replica, re-embedded and brought into L2 (it also runs on a timer). */
  readonly changes: ChangeCapture;
  close(): Promise<void>;
}

export const warmEntry = (row: WarmRow): WarmEntry => ({
  id: row.id,
  vector: row.embedding,
  text: memoryText(row),
  guard: { ownerId: row.ownerId, visibility: row.visibility, teamId: row.teamId },
  kind: row.kind,
  accountId: row.accountId,
});

/** Opens the store (embedding what it lacks), builds L1 from config and L2 from the store. */
export async function openMemoryService(
  config: MemoryConfig,
  options: { registry: Registry; log: Pick<Logger, 'warn' | 'info' | 'error'> },
): Promise<MemoryService> {
  const embedder = createConfiguredEmbedder(config, options.registry);
  const local = createMemoryCache({
    maxEntries: config.MEMORY_CACHE_MAX_ENTRIES,
    defaultTtlMs: config.MEMORY_CACHE_TTL_MS,
  });
  const cacheMetrics = createCacheMetrics(options.registry);
  let redis: Redis | undefined;
  let cache: HotCache = local;
  if (config.REDIS_URL !== undefined) {
    redis = traceRedis(new Redis(config.REDIS_URL, REDIS_CLIENT_OPTIONS));
    redis.on('error', (error: unknown) => options.log.warn({ err: error }, 'Redis client error'));
    cache = createResilientCache(
      createRedisCache(redis, { defaultTtlMs: config.MEMORY_CACHE_TTL_MS }),
      local,
      { log: options.log, metrics: cacheMetrics },
    );
  }
  cache = withCacheMetrics(cache, cacheMetrics);
  const closeRedis = async () => {
    if (redis) await redis.quit().catch(() => redis?.disconnect());
  };

  let store: MemoryStore;
  try {
    store = await MemoryStore.open(config, embedder);
  } catch (error) {
    await closeRedis();
    await embedder.provider.close?.();
    throw error;
  }
  let warm = new WarmIndex({ dimension: embedder.dimension });
  const policy = tierPolicyOf(config);
  const forgetRecords = (ids: readonly string[]) =>
    ids.length > 0 ? cache.delete(ids.map(memoryKey)) : Promise.resolve();
  const access = createAccessRecorder({
    intervalMs: config.MEMORY_ACCESS_FLUSH_MS,
    now: () => store.clock.now(),
    onError: (error) => options.log.warn({ err: error }, 'could not write access counts; will retry'),
    write: async (reads) => {
      const promoted = await store.applyAccess(reads, policy.hotAccessCount);
      // Promoted from cold: back into L2.
      for (const row of await store.warmRows(promoted.warm)) warm.upsert(warmEntry(row));
      await forgetRecords(reads.map((read) => read.id));
    },
  });
  let changes: ChangeCapture | undefined;
  const service: MemoryService = {
    store,
    embedder,
    cache,
    cacheTtlMs: config.MEMORY_CACHE_TTL_MS,
    duplicateSimilarity: config.MEMORY_DUPLICATE_SIMILARITY,
    access,
    get warm() {
      return warm;
    },
    async rebuildWarmIndex() {
      const rebuilt = new WarmIndex({ dimension: embedder.dimension });
      for (const row of await store.warmRows()) rebuilt.upsert(warmEntry(row));
      warm = rebuilt;
      return rebuilt.size;
    },
    async maintain(now = store.clock.now().getTime()) {
      await access.flush();
      const moved = await store.demote({
        hotIdleBefore: new Date(now - policy.hotIdleMs).toISOString(),
        warmIdleBefore: new Date(now - policy.warmIdleMs).toISOString(),
        keepWarmAccessCount: policy.keepWarmAccessCount,
      });
      for (const id of moved.cold) warm.remove(id);
      await forgetRecords([...moved.warm, ...moved.cold]);
      if (moved.warm.length + moved.cold.length > 0) {
        options.log.info({ toWarm: moved.warm.length, toCold: moved.cold.length }, 'memories demoted');
      }
      return moved;
    },
    get changes() {
      return changes!;
    },
    async close() {
      clearInterval(maintenance);
      await changes?.close();
      await embedder.provider.close?.();
      await access.close();
      await closeRedis();
      await store.close();
    },
  };
  const maintenance = setInterval(() => {
    service
      .maintain()
      .catch((error: unknown) => options.log.warn({ err: error }, 'memory maintenance failed'));
  }, config.MEMORY_MAINTENANCE_INTERVAL_MS);
  maintenance.unref();
  try {
    changes = await startChangeCapture({
      db: store.sql,
      embedder,
      intervalMs: config.MEMORY_CHANGE_POLL_MS,
      log: options.log,
      resync: async (ids) => {
        const before = ids.flatMap((id) => warm.describe(id)?.guard ?? []);
        const rows = await store.warmRows(ids);
        const indexed = new Set(rows.map((row) => row.id));
        for (const id of ids) if (!indexed.has(id)) warm.remove(id);
        for (const row of rows) warm.upsert(warmEntry(row));
        // Searches that could show these memories, as they were and as they are now.
        const guards = [...before, ...(await store.guards(ids))];
        await forgetRecords(ids);
        await cache.invalidate([...new Set(guards.flatMap(writeTags))]);
      },
    });
    await service.rebuildWarmIndex();
  } catch (error) {
    await service.close();
    throw error;
  }
  return service;
}

/**
 * Stores a memory: embeds it first (outside the store's write queue, so concurrent calls share batches), looks
 * for a near-duplicate of the viewer's own in L2, then writes the row with its vector (group commit); once
 * committed, adds it to L2 and invalidates the searches it can change.
 */
export async function rememberMemory(
  service: MemoryService,
  scope: Promise<ViewerScope>,
  input: RememberRequest['input'],
  /** The request's deadline; none for an ingest job, which outlives the request that started it. */
  deadline?: RequestDeadline,
): Promise<RememberResult> {
  // Embedding starts before anything else awaits, so concurrent requests land in the same batch window.
  const text = memoryText({ sourceTitle: input.sourceTitle ?? null, content: input.content });
  const [viewerScope, embedding] = await Promise.all([scope, service.embedder.embed(text)]);
  const result = await service.store.remember({
    scope: viewerScope,
    input,
    embedding,
    nearDuplicateOf: nearDuplicate(service, viewerScope, input, embedding),
    deadline,
  });
  if (!result.merged) {
    const { memory } = result;
    if (memory.tier !== 3) {
      service.warm.upsert(warmEntry({ ...memory, embedding }));
    }
    await service.cache.invalidate(writeTags(memory));
  }
  return result;
}

/**
 * The viewer's own hot or warm memory in the same duplicate scope (visibility, account, kind: see
 * duplicate-scope.ts) whose vector is at least `duplicateSimilarity` like this one, if any. Cold memories are
 * merged only when their content is the same (the store checks that exactly).
 */
function nearDuplicate(
  service: MemoryService,
  scope: ViewerScope,
  input: RememberRequest['input'],
  embedding: Float32Array,
): string | null {
  const wanted = { ...input, ownerId: scope.userId, teamId: scope.teamId };
  const hits = service.warm.search({
    vector: embedding,
    text: '',
    scope,
    limit: 5,
    filter: { kinds: [input.kind], visibility: [input.visibility], accountId: input.accountId },
  });
  const hit = hits.find((candidate) => {
    const found = service.warm.describe(candidate.id);
    return (
      (candidate.vectorSimilarity ?? 0) >= service.duplicateSimilarity &&
      found !== undefined &&
      sameDuplicateScope({ ...found.guard, kind: found.kind, accountId: found.accountId }, wanted)
    );
  });
  return hit?.id ?? null;
}

/** Deletes one of the owner's memories from L3 and L2 and invalidates the searches it appeared in. */
export async function forgetMemory(
  service: MemoryService,
  ownerId: string,
  id: string,
  deadline?: RequestDeadline,
): Promise<boolean> {
  const deleted: Guarded | null = await service.store.forget(ownerId, id, deadline);
  if (!deleted) return false;
  service.warm.remove(id);
  await service.cache.delete([memoryKey(id)]);
  await service.cache.invalidate(writeTags(deleted));
  return true;
}
