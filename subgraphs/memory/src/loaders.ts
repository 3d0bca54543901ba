import DataLoader from 'dataloader';
import { boundedCount, requireViewer, type Viewer } from '@sophia/kit';
import { memoryKey } from './cache/index.ts';
import type { MemoryService } from './memory-service.ts';
import type { MemoryRow } from './store.ts';
import { canSee, type ViewerScope } from './visibility.ts';

/** Per-request loaders; every one of them sees only what the viewer may see. */
export interface MemoryLoaders {
  /** The viewer and their team, looked up once per request. */
  scope(): Promise<ViewerScope>;
  readonly memory: DataLoader<string, MemoryRow | null>;
  /** Memories about an account, newest first; one loader per `limit` so a batch shares one query. */
  memoriesOfAccount(limit: number): DataLoader<string, MemoryRow[]>;
}

export const MAX_ACCOUNT_MEMORIES = 100;

/** Validates `Account.memories(limit)`. */
export const accountMemoryLimit = (limit: number | null | undefined): number =>
  boundedCount(limit, { argument: 'limit', max: MAX_ACCOUNT_MEMORIES, fallback: 20 });

/**
 * Memories by id through L1: a hot memory's record is cached (and dropped on any write to it); the viewer's
 * right to see it is checked on every read, cached or not.
 */
async function recordsByIds(
  service: Pick<MemoryService, 'store' | 'cache'>,
  scope: ViewerScope,
  ids: readonly string[],
): Promise<Map<string, MemoryRow>> {
  const cached = await service.cache.getMany<MemoryRow>(ids.map(memoryKey));
  const found = new Map<string, MemoryRow>();
  const missing = ids.filter((id, i) => {
    const hit = cached[i];
    if (hit && canSee(scope, hit.value)) found.set(id, hit.value);
    return !hit;
  });
  const rows = await service.store.memoriesByIds(scope, missing);
  for (const row of rows) found.set(row.id, row);
  await Promise.all(
    rows.filter((row) => row.tier === 1).map((row) => service.cache.set(memoryKey(row.id), row)),
  );
  return found;
}

export function createMemoryLoaders(
  service: Pick<MemoryService, 'store' | 'cache'>,
  viewer: Viewer,
): MemoryLoaders {
  const { store } = service;
  let scope: Promise<ViewerScope> | undefined;
  const scopeOnce = () => (scope ??= store.viewerScope(requireViewer(viewer).userId));
  const byAccount = new Map<number, DataLoader<string, MemoryRow[]>>();
  return {
    scope: scopeOnce,
    memory: new DataLoader(async (ids) => {
      const found = await recordsByIds(service, await scopeOnce(), ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    memoriesOfAccount(limit) {
      let loader = byAccount.get(limit);
      if (!loader) {
        loader = new DataLoader(async (accountIds) => {
          const rows = await store.memoriesOfAccounts(await scopeOnce(), accountIds, limit);
          return accountIds.map((id) => rows.filter((row) => row.accountId === id));
        });
        byAccount.set(limit, loader);
      }
      return loader;
    },
  };
}
