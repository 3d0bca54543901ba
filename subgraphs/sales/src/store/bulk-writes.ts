import { upsertSelect, upsertSelectSql, type Dialect, type SqlRunner } from '@sophia/kit';
import { DEAL_STAGES, statusOfStage } from '@sophia/domain';

/**
 * The sales store's set-wise writes, for rows already in the database (an import's staging table): the same
 * upserts as `writes.ts`, one statement for any number of rows, in the store's dialect.
 */

const ACCOUNT_COLUMNS = [
  'id',
  'name',
  'industry',
  'segment',
  'region',
  'employees',
  'website',
  'owner_id',
  'status',
  'created_at',
  'customer_since',
];

/** Accounts by id from a relation with the `accounts` table's columns. */
export const upsertAccountsFrom = upsertSelect('accounts', ACCOUNT_COLUMNS, ['id']);

const DEAL_COLUMNS = [
  'id',
  'name',
  'account_id',
  'owner_id',
  'amount',
  'stage',
  'type',
  'probability',
  'created_at',
  'close_date',
  'closed_at',
];

/** A deal's status (OPEN, WON, LOST) from its stage, as `statusOfStage` says. */
const statusSql = (stage: string) =>
  `CASE ${stage} ${DEAL_STAGES.map((s) => `WHEN '${s}' THEN '${statusOfStage(s)}'`).join(' ')} END`;

/**
 * Deals by id from `source`, a relation with the `deals` table's columns but `status` (derived from the stage
 * here). A deal keeps the stage history it has, as `upsertDeals` keeps it for a deal given without one.
 */
export async function upsertDealsFrom(tx: SqlRunner, dialect: Dialect, source: string): Promise<void> {
  const deals = `(SELECT ${DEAL_COLUMNS.join(', ')}, ${statusSql('stage')} AS status FROM ${source})`;
  const columns = [...DEAL_COLUMNS, 'status'];
  if (dialect === 'duckdb') {
    await moveDealsToOtherAccounts(tx, deals);
    // The account was set above where it changed: DuckDB rewrites a row whose foreign key column is updated,
    // which is slow, and which it refuses while the deal's history points at it.
    const update = columns.filter((column) => column !== 'id' && column !== 'account_id');
    await tx.run(upsertSelectSql(dialect, { table: 'deals', columns, key: ['id'], source: deals, update }));
    return;
  }
  await tx.run(upsertSelectSql(dialect, { table: 'deals', columns, key: ['id'], source: deals }));
}

/** DuckDB: gives known deals the file moves to another account their new account, their history kept. */
async function moveDealsToOtherAccounts(tx: SqlRunner, deals: string): Promise<void> {
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE deal_moves AS
     SELECT s.id, s.account_id FROM ${deals} s JOIN deals d ON d.id = s.id WHERE d.account_id <> s.account_id`,
  );
  const [moves] = await tx.query<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM deal_moves');
  if (moves?.n) {
    await tx.run(
      `CREATE OR REPLACE TEMP TABLE deal_moves_history AS
       SELECT * FROM deal_stage_changes WHERE deal_id IN (SELECT id FROM deal_moves)`,
    );
    await tx.run('DELETE FROM deal_stage_changes WHERE deal_id IN (SELECT id FROM deal_moves)');
    await tx.run('UPDATE deals SET account_id = m.account_id FROM deal_moves m WHERE deals.id = m.id');
    await tx.run('INSERT INTO deal_stage_changes SELECT * FROM deal_moves_history');
    await tx.run('DROP TABLE deal_moves_history');
  }
  await tx.run('DROP TABLE deal_moves');
}

/**
 * Replaces the stage history of every deal in `source` with that deal's rows there, as `replaceStageHistories`
 * does: `source` is a relation with `deal_id`, `stage`, `entered_at` and `row_id` (the row's place in its
 * file), and a history runs oldest first, in file order within a day.
 */
export async function replaceStageHistoriesFrom(
  tx: SqlRunner,
  _dialect: Dialect,
  source: string,
): Promise<void> {
  await tx.run(`DELETE FROM deal_stage_changes WHERE deal_id IN (SELECT deal_id FROM ${source})`);
  await tx.run(
    `INSERT INTO deal_stage_changes (deal_id, position, stage, entered_at)
     SELECT deal_id, CAST(ROW_NUMBER() OVER (PARTITION BY deal_id ORDER BY entered_at, row_id) - 1 AS INTEGER),
       stage, entered_at
     FROM ${source}`,
  );
}
