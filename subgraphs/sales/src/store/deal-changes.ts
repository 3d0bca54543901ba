import type { SqlRunner } from '@sophia/kit';
import type { DealChange, DealState } from '@sophia/domain';
import type { DealRow } from './rows.ts';

/**
 * The outbox of deal changes (migration 3). Written in the same transaction as the deal it describes, so a
 * change is recorded exactly when it happens and never when it does not; kpi reads it by number to keep its
 * facts in agreement with the deals. Plain types and statements only, so the same SQL runs on DuckDB and
 * Snowflake; `changed_at` is ISO 8601 UTC text (it sorts as time and reads back alike on both).
 */
export const DEAL_CHANGES_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS deal_changes (
    change_number BIGINT NOT NULL PRIMARY KEY,
    deal_id VARCHAR NOT NULL,
    deal_type VARCHAR NOT NULL,
    owner_id VARCHAR NOT NULL,
    region VARCHAR NOT NULL,
    changed_at VARCHAR NOT NULL,
    before_stage VARCHAR,
    before_amount DOUBLE,
    before_close_date DATE,
    after_stage VARCHAR NOT NULL,
    after_amount DOUBLE NOT NULL,
    after_close_date DATE NOT NULL
  )`,
  // The last number given. Each change takes the next by updating this row, whose lock holds until commit: on
  // a warehouse shared by sales replicas (Snowflake enforces no primary key) no two changes get one number.
  `CREATE TABLE IF NOT EXISTS deal_change_counter (
    id INTEGER NOT NULL PRIMARY KEY,
    last_change_number BIGINT NOT NULL
  )`,
  `INSERT INTO deal_change_counter (id, last_change_number)
   SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM deal_change_counter WHERE id = 1)`,
];

/** The most changes one read returns. */
export const MAX_DEAL_CHANGES_PER_READ = 1_000;

/**
 * Records a change of `before` into `after` in the caller's transaction, numbered one above the last (the
 * counter's lock holds until commit, so numbers follow commit order), and returns it as kpi will receive it.
 */
export async function recordDealChange(
  tx: SqlRunner,
  change: { before: DealRow | null; after: DealRow; region: string; changedAt: string },
): Promise<DealChange> {
  const { before, after, region, changedAt } = change;
  await tx.run('UPDATE deal_change_counter SET last_change_number = last_change_number + 1 WHERE id = 1');
  const [counter] = await tx.query<{ last: unknown }>(
    'SELECT last_change_number AS last FROM deal_change_counter WHERE id = 1',
  );
  const changeNumber = Number(counter?.last);
  await tx.run(
    `INSERT INTO deal_changes (change_number, deal_id, deal_type, owner_id, region, changed_at,
       before_stage, before_amount, before_close_date, after_stage, after_amount, after_close_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS DATE), ?, ?, CAST(? AS DATE))`,
    [
      changeNumber,
      after.id,
      after.type,
      after.ownerId,
      region,
      changedAt,
      before?.stage ?? null,
      before?.amount ?? null,
      before?.closeDate ?? null,
      after.stage,
      after.amount,
      after.closeDate,
    ],
  );
  return {
    changeNumber,
    dealId: after.id,
    dealType: after.type,
    ownerId: after.ownerId,
    region,
    changedAt,
    before: before ? stateOf(before) : null,
    after: stateOf(after),
  };
}

/** The changes numbered above `after`, oldest first, at most `limit`. */
export async function dealChangesAfter(db: SqlRunner, after: number, limit: number): Promise<DealChange[]> {
  const rows = await db.query<StoredDealChange>(
    `SELECT change_number, deal_id, deal_type, owner_id, region, changed_at, before_stage, before_amount,
       CAST(before_close_date AS VARCHAR) AS before_close_date, after_stage, after_amount,
       CAST(after_close_date AS VARCHAR) AS after_close_date
     FROM deal_changes WHERE change_number > ? ORDER BY change_number LIMIT ?`,
    [after, Math.min(limit, MAX_DEAL_CHANGES_PER_READ)],
  );
  return rows.map(toDealChange);
}

interface StoredDealChange {
  readonly change_number: unknown;
  readonly deal_id: string;
  readonly deal_type: DealChange['dealType'];
  readonly owner_id: string;
  readonly region: string;
  readonly changed_at: string;
  readonly before_stage: DealState['stage'] | null;
  readonly before_amount: number | null;
  readonly before_close_date: string | null;
  readonly after_stage: DealState['stage'];
  readonly after_amount: number;
  readonly after_close_date: string;
}

const stateOf = (deal: DealRow): DealState => ({
  stage: deal.stage,
  amount: deal.amount,
  closeDate: deal.closeDate,
});

/** BIGINT comes back as a string from DuckDB and a number from Snowflake: both read as a number here. */
function toDealChange(row: StoredDealChange): DealChange {
  return {
    changeNumber: Number(row.change_number),
    dealId: row.deal_id,
    dealType: row.deal_type,
    ownerId: row.owner_id,
    region: row.region,
    changedAt: row.changed_at,
    before:
      row.before_stage === null || row.before_amount === null || row.before_close_date === null
        ? null
        : { stage: row.before_stage, amount: Number(row.before_amount), closeDate: row.before_close_date },
    after: { stage: row.after_stage, amount: Number(row.after_amount), closeDate: row.after_close_date },
  };
}
