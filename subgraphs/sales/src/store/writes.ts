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

/** Writes deals by id; a deal given with its stage history has its history replaced. */
export async function upsertDeals(tx: SqlRunner, deals: readonly DealRecord[]): Promise<void> {
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
  await replaceStageHistories(
    tx,
    deals.flatMap((deal) => (deal.stageHistory ? [[deal.id, deal.stageHistory] as const] : [])),
  );
}

/** Replaces each deal's stage history with the changes given, oldest first. */
export async function replaceStageHistories(
  tx: SqlRunner,
  byDeal: readonly (readonly [string, readonly StageChangeRecord[]])[],
): Promise<void> {
  const CHUNK = 1000;
  for (let start = 0; start < byDeal.length; start += CHUNK) {
    const ids = byDeal.slice(start, start + CHUNK).map(([dealId]) => dealId);
    await tx.run(`DELETE FROM deal_stage_changes WHERE deal_id IN (${placeholders(ids)})`, ids);
  }
  await tx.insertRows(
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
