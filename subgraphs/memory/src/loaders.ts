import DataLoader from 'dataloader';
import { badUserInput, requireViewer, type Viewer } from '@sophia/kit';
import type { MemoryRow, MemoryStore } from './store.ts';
import type { ViewerScope } from './visibility.ts';

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
export function accountMemoryLimit(limit: number | null | undefined): number {
  const value = limit ?? 20;
  if (!Number.isInteger(value) || value < 1 || value > MAX_ACCOUNT_MEMORIES) {
    throw badUserInput(`\`limit\` must be between 1 and ${MAX_ACCOUNT_MEMORIES}.`, 'limit');
  }
  return value;
}

export function createMemoryLoaders(store: MemoryStore, viewer: Viewer): MemoryLoaders {
  let scope: Promise<ViewerScope> | undefined;
  const scopeOnce = () => (scope ??= store.viewerScope(requireViewer(viewer).userId));
  const byAccount = new Map<number, DataLoader<string, MemoryRow[]>>();
  return {
    scope: scopeOnce,
    memory: new DataLoader(async (ids) => {
      const found = new Map((await store.memoriesByIds(await scopeOnce(), ids)).map((row) => [row.id, row]));
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
