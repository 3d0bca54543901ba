import type { SqlRunner } from '@sophia/kit';
import { placeholders } from '@sophia/kit';
import { statusOfStage, type Account, type Deal } from '@sophia/domain';

/** An account as the seed and the import write it. */
export type AccountRecord = Pick<
  Account,
  | 'id'
  | 'name'
  | 'industry'
  | 'segment'
  | 'region'
  | 'employees'
  | 'website'
  | 'ownerId'
  | 'status'
  | 'createdAt'
  | 'customerSince'
>;

/** A deal as the seed and the import write it, with its whole stage history (oldest first). */
export type DealRecord = Pick<
  Deal,
  | 'id'
  | 'name'
  | 'accountId'
  | 'ownerId'
  | 'amount'
  | 'stage'
  | 'probability'
  | 'type'
  | 'createdAt'
  | 'closeDate'
  | 'closedAt'
> & {
  /** Oldest first; absent leaves the history the store has. */
  readonly stageHistory?: readonly StageChangeRecord[];
};

export interface StageChangeRecord {
  readonly stage: Deal['stage'];
  readonly enteredAt: string;
}

/** Writes accounts by id: a new id is added, a known one replaced (the import is idempotent). */
export function upsertAccounts(tx: SqlRunner, accounts: readonly AccountRecord[]): Promise<void> {
  return tx.upsertRows(
    'accounts',
    accounts.map((account) => ({
      id: account.id,
      name: account.name,
      industry: account.industry,
      segment: account.segment,
      region: account.region,
      employees: account.employees,
      website: account.website,
      owner_id: account.ownerId,
      status: account.status,
      created_at: account.createdAt,
      customer_since: account.customerSince,
    })),
    ['id'],
  );
}

/**
 * Writes deals by id; a deal given with its stage history has its history replaced, one given without keeps
 * the history it has. (DuckDB refuses to update a row other rows point at, so the history steps aside while
 * its deal is written.)
 */
export async function upsertDeals(tx: SqlRunner, deals: readonly DealRecord[]): Promise<void> {
  const kept = await stageHistoriesOf(
    tx,
    deals.filter((deal) => !deal.stageHistory).map((deal) => deal.id),
  );
  await deleteStageHistories(
    tx,
    deals.map((deal) => deal.id),
  );
  await tx.upsertRows(
    'deals',
    deals.map((deal) => ({
      id: deal.id,
      name: deal.name,
      account_id: deal.accountId,
      owner_id: deal.ownerId,
      amount: deal.amount,
      stage: deal.stage,
      status: statusOfStage(deal.stage),
      type: deal.type,
      probability: deal.probability,
      created_at: deal.createdAt,
      close_date: deal.closeDate,
      closed_at: deal.closedAt,
    })),
    ['id'],
  );
  await insertStageHistories(tx, [
    ...deals.flatMap((deal) => (deal.stageHistory ? [[deal.id, deal.stageHistory] as const] : [])),
    ...kept,
  ]);
}

/** Replaces each deal's stage history with the changes given, oldest first. */
export async function replaceStageHistories(
  tx: SqlRunner,
  byDeal: readonly (readonly [string, readonly StageChangeRecord[]])[],
): Promise<void> {
  await deleteStageHistories(
    tx,
    byDeal.map(([dealId]) => dealId),
  );
  await insertStageHistories(tx, byDeal);
}

const CHUNK = 1000;

async function deleteStageHistories(tx: SqlRunner, dealIds: readonly string[]): Promise<void> {
  for (let start = 0; start < dealIds.length; start += CHUNK) {
    const ids = dealIds.slice(start, start + CHUNK);
    await tx.run(`DELETE FROM deal_stage_changes WHERE deal_id IN (${placeholders(ids)})`, ids);
  }
}

function insertStageHistories(
  tx: SqlRunner,
  byDeal: readonly (readonly [string, readonly StageChangeRecord[]])[],
): Promise<void> {
  return tx.insertRows(
    'deal_stage_changes',
    byDeal.flatMap(([dealId, changes]) =>
      changes.map((change, position) => ({
        deal_id: dealId,
        position,
        stage: change.stage,
        entered_at: change.enteredAt,
      })),
    ),
  );
}

async function stageHistoriesOf(
  tx: SqlRunner,
  dealIds: readonly string[],
): Promise<(readonly [string, StageChangeRecord[]])[]> {
  const histories = new Map<string, StageChangeRecord[]>();
  for (let start = 0; start < dealIds.length; start += CHUNK) {
    const ids = dealIds.slice(start, start + CHUNK);
    const rows = await tx.query<{ dealId: string; stage: Deal['stage']; enteredAt: string }>(
      `SELECT deal_id AS "dealId", stage, entered_at AS "enteredAt" FROM deal_stage_changes
       WHERE deal_id IN (${placeholders(ids)}) ORDER BY deal_id, position`,
      ids,
    );
    for (const row of rows) {
      const history = histories.get(row.dealId) ?? [];
      history.push({ stage: row.stage, enteredAt: row.enteredAt });
      histories.set(row.dealId, history);
    }
  }
  return [...histories];
}
