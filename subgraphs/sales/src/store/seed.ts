import type { SqlRunner } from '@sophia/kit';
import type { Company } from '@sophia/ops';
import type { DealStage, DealStatus } from '../__generated__/resolvers-types.ts';
import { SALES_DDL } from './schema-sql.ts';

/** A deal is won or lost once it reaches a closed stage, open until then. */
export function statusOfStage(stage: DealStage): DealStatus {
  if (stage === 'CLOSED_WON') return 'WON';
  if (stage === 'CLOSED_LOST') return 'LOST';
  return 'OPEN';
}

/**
 * Creates the tables and loads the demo company's accounts, deals and stage history. Returns what `seedOnce`
 * records in the meta table: the anchor (the store's "today") and the currency.
 */
export async function loadCompany(tx: SqlRunner, company: Company): Promise<Record<string, string>> {
  for (const statement of SALES_DDL) await tx.run(statement);
  await tx.insertRows(
    'accounts',
    company.accounts.map((account) => ({
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
  );
  await tx.insertRows(
    'deals',
    company.deals.map((deal) => ({
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
  );
  await tx.insertRows(
    'deal_stage_changes',
    company.deals.flatMap((deal) =>
      deal.stageHistory.map((change, position) => ({
        deal_id: deal.id,
        position,
        stage: change.stage,
        entered_at: change.enteredAt,
      })),
    ),
  );
  return {
    anchor: company.anchor,
    seed: String(company.seed),
    currency: company.currency,
    company: company.name,
  };
}
