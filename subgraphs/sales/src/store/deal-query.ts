import type { SqlParam } from '@sophia/kit';
import type { DealStage, DealStatus, DealType } from '../__generated__/resolvers-types.ts';

/** Which deals a list covers, already validated (the period resolved to dates). */
export interface DealQuery {
  readonly stages?: readonly DealStage[] | undefined;
  readonly status?: DealStatus | undefined;
  readonly type?: DealType | undefined;
  readonly ownerId?: string | undefined;
  readonly accountId?: string | undefined;
  /** Close date on or after this day (YYYY-MM-DD). */
  readonly closeFrom?: string | undefined;
  /** Close date on or before this day (YYYY-MM-DD). */
  readonly closeTo?: string | undefined;
  readonly minAmount?: number | undefined;
  /** Case-insensitive substring of the deal's or its account's name. */
  readonly search?: string | undefined;
}

/** The WHERE conditions (over `deals d`) and their parameters for a query; always at least `TRUE`. */
export function dealConditions(query: DealQuery): { sql: string; params: SqlParam[] } {
  const conditions: string[] = ['TRUE'];
  const params: SqlParam[] = [];
  const add = (sql: string, ...values: SqlParam[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  if (query.stages !== undefined && query.stages.length > 0) {
    add(`d.stage IN (${query.stages.map(() => '?').join(', ')})`, ...query.stages);
  }
  if (query.status !== undefined) add('d.status = ?', query.status);
  if (query.type !== undefined) add('d.type = ?', query.type);
  if (query.ownerId !== undefined) add('d.owner_id = ?', query.ownerId);
  if (query.accountId !== undefined) add('d.account_id = ?', query.accountId);
  if (query.closeFrom !== undefined) add('d.close_date >= CAST(? AS DATE)', query.closeFrom);
  if (query.closeTo !== undefined) add('d.close_date <= CAST(? AS DATE)', query.closeTo);
  if (query.minAmount !== undefined) add('d.amount >= ?', query.minAmount);
  if (query.search !== undefined) {
    const needle = query.search.toLowerCase();
    add(
      '(contains(lower(d.name), ?) OR d.account_id IN (SELECT id FROM accounts WHERE contains(lower(name), ?)))',
      needle,
      needle,
    );
  }
  return { sql: conditions.join(' AND '), params };
}
