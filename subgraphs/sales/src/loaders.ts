import DataLoader from 'dataloader';
import type { DealStatus } from './__generated__/resolvers-types.ts';
import type { SalesStore } from './store.ts';
import type { AccountRow, DealRow, DealStageChangeRow } from './store/rows.ts';

/** The deals of one account or one owner, optionally with one status. */
export interface DealListKey {
  readonly id: string;
  readonly status: DealStatus | undefined;
}

/** Per-request batch loaders: one query per kind of lookup, however many parents ask. */
export interface SalesLoaders {
  readonly deal: DataLoader<string, DealRow | null>;
  readonly account: DataLoader<string, AccountRow | null>;
  readonly stageHistory: DataLoader<string, DealStageChangeRow[]>;
  readonly accountDeals: DataLoader<DealListKey, DealRow[], string>;
  readonly ownerDeals: DataLoader<DealListKey, DealRow[], string>;
}

export function createSalesLoaders(store: SalesStore): SalesLoaders {
  return {
    deal: byIdLoader((ids) => store.dealsByIds(ids)),
    account: byIdLoader((ids) => store.accountsByIds(ids)),
    stageHistory: new DataLoader(async (dealIds) => {
      const grouped = groupBy(await store.stageChanges(dealIds), (change) => change.dealId);
      return dealIds.map((id) => grouped.get(id) ?? []);
    }),
    accountDeals: dealListLoader(
      (ids, status) => store.dealsOfAccounts(ids, status),
      (deal) => deal.accountId,
    ),
    ownerDeals: dealListLoader(
      (ids, status) => store.dealsOfOwners(ids, status),
      (deal) => deal.ownerId,
    ),
  };
}

/** Empties every loader's cache, so the next reads see the store as it is now. */
export function forgetLoaded(loaders: SalesLoaders): void {
  for (const loader of Object.values(loaders)) loader.clearAll();
}

function byIdLoader<Row extends { readonly id: string }>(
  fetch: (ids: readonly string[]) => Promise<Row[]>,
): DataLoader<string, Row | null> {
  return new DataLoader(async (ids) => {
    const found = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

const listKey = (key: DealListKey): string => `${key.status ?? '*'}:${key.id}`;

/** Batches lists of deals by parent id; keys asking for different statuses share one query per status. */
function dealListLoader(
  fetch: (ids: readonly string[], status: DealStatus | undefined) => Promise<DealRow[]>,
  parentOf: (deal: DealRow) => string,
): DataLoader<DealListKey, DealRow[], string> {
  return new DataLoader(
    async (keys) => {
      const idsByStatus = new Map<DealStatus | undefined, string[]>();
      for (const key of keys) idsByStatus.set(key.status, [...(idsByStatus.get(key.status) ?? []), key.id]);
      const lists = new Map<string, DealRow[]>();
      await Promise.all(
        [...idsByStatus].map(async ([status, ids]) => {
          for (const [parentId, deals] of groupBy(await fetch(ids, status), parentOf)) {
            lists.set(listKey({ id: parentId, status }), deals);
          }
        }),
      );
      return keys.map((key) => lists.get(listKey(key)) ?? []);
    },
    { cacheKeyFn: listKey },
  );
}

/** Groups rows by a key, keeping their order within each group. */
function groupBy<Row>(rows: readonly Row[], keyOf: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}
