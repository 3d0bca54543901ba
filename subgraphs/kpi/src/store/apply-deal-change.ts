import type { SqlRunner } from '@sophia/kit';
import { factAdjustments, type DealChange, type FactAdjustment } from '@sophia/domain';

/**
 * Applies one sales deal change to the daily facts in the caller's transaction, unless it was applied before.
 * Flows (bookings, deals won and lost, new customers) move on their day; the open pipeline, a stock, moves
 * from the change day onward. Adjustments only add, so changes applied out of order give the same facts.
 * @returns whether the change was applied now (false: it already had been).
 */
export async function applyDealChange(tx: SqlRunner, change: DealChange): Promise<boolean> {
  // Taken first: another replica applying the same change waits here until this transaction ends.
  await tx.run('UPDATE deal_change_applier SET last_change_number = ? WHERE id = 1', [change.changeNumber]);
  const [seen] = await tx.query('SELECT 1 AS seen FROM applied_deal_changes WHERE change_number = ?', [
    change.changeNumber,
  ]);
  if (seen) return false;
  await tx.run('INSERT INTO applied_deal_changes (change_number, deal_id, changed_at) VALUES (?, ?, ?)', [
    change.changeNumber,
    change.dealId,
    change.changedAt,
  ]);
  for (const adjustment of factAdjustments(change)) await adjustFact(tx, adjustment);
  return true;
}

/**
 * The highest change number N such that every change from 1 to N is applied (0 when change 1 is not): the
 * catch-up asks sales for the changes after it, so a change missed below a later one is still fetched.
 */
export async function appliedThrough(db: SqlRunner): Promise<number> {
  const [row] = await db.query<{ through: unknown }>(
    `SELECT MIN(a.n) AS through
     FROM (SELECT change_number AS n FROM applied_deal_changes UNION ALL SELECT CAST(0 AS BIGINT) AS n) a
     WHERE NOT EXISTS (SELECT 1 FROM applied_deal_changes b WHERE b.change_number = a.n + 1)`,
  );
  return Number(row?.through ?? 0);
}

async function adjustFact(tx: SqlRunner, { fact, date, span, delta }: FactAdjustment): Promise<void> {
  const missing = 'NOT EXISTS (SELECT 1 FROM daily_facts WHERE fact = ? AND date = CAST(? AS DATE))';
  if (span === 'day') {
    // A day with no row for the flow had none of it: it starts from zero.
    await tx.run(
      `INSERT INTO daily_facts (date, fact, value) SELECT CAST(? AS DATE), ?, 0 WHERE ${missing}`,
      [date, fact, fact, date],
    );
    await tx.run('UPDATE daily_facts SET value = value + ? WHERE fact = ? AND date = CAST(? AS DATE)', [
      delta,
      fact,
      date,
    ]);
    return;
  }
  // A stock holds its last level until the next row: the change day gets a row carrying that level first. A
  // stock never recorded stays unrecorded (its level is unknown, so no change can be added to it).
  await tx.run(
    `INSERT INTO daily_facts (date, fact, value)
     SELECT CAST(? AS DATE), f.fact, f.value FROM daily_facts f
     WHERE f.fact = ?
       AND f.date = (SELECT MAX(date) FROM daily_facts WHERE fact = ? AND date < CAST(? AS DATE))
       AND ${missing}`,
    [date, fact, fact, date, fact, date],
  );
  await tx.run('UPDATE daily_facts SET value = value + ? WHERE fact = ? AND date >= CAST(? AS DATE)', [
    delta,
    fact,
    date,
  ]);
}
