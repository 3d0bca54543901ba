import { afterEach, describe, expect, it } from 'vitest';
import { openStore, parseConfig, serviceEnvShape, type OpenedStore } from '@sophia/kit';
import { METRICS, type DailyFact, type DealChange, type DealState } from '@sophia/domain';
import {
  STORE_BACKENDS,
  startStoreBackend,
  type StoreBackend,
} from '../../kit/tests/store-contract-backends.ts';
import { evaluateMetrics } from '../src/evaluate-metrics.ts';
import { applyDealChange, appliedThrough } from '../src/store/apply-deal-change.ts';
import { KPI_STORE } from '../src/store/definition.ts';
import { upsertDailyFacts, upsertMetricDefinitions } from '../src/store/writes.ts';

/** A small company: three days at the end of Q3 and three at the start of Q4, its facts recorded through Nov 23. */
const DAYS = ['2026-09-29', '2026-09-30', '2026-10-01', '2026-11-22', '2026-11-23'];
const FACTS: DailyFact[] = DAYS.flatMap((date) => [
  { date, fact: 'new_bookings', value: 10_000 },
  { date, fact: 'deals_won', value: 1 },
  { date, fact: 'deals_lost', value: 1 },
  { date, fact: 'new_customers', value: 0 },
  { date, fact: 'open_pipeline', value: 900_000 },
  { date, fact: 'bookings_target_daily', value: 20_000 },
]);
const Q3 = { start: '2026-07-01', end: '2026-09-30' };
const Q4 = { start: '2026-10-01', end: '2026-12-31' };

const negotiation = (amount: number): DealState => ({
  stage: 'NEGOTIATION',
  amount,
  closeDate: '2026-12-15',
});
const closedWon = (amount: number, closeDate: string): DealState => ({
  stage: 'CLOSED_WON',
  amount,
  closeDate,
});
const change = (
  changeNumber: number,
  before: DealState | null,
  after: DealState,
  changedAt = '2026-11-24T09:00:00.000Z',
): DealChange => ({
  changeNumber,
  dealId: 'deal-1',
  dealType: 'NEW_BUSINESS',
  ownerId: 'usr_001',
  region: 'EMEA',
  changedAt,
  before,
  after,
});
const WIN = change(1, negotiation(50_000), closedWon(50_000, '2026-11-24'));
const REOPEN = change(2, closedWon(50_000, '2026-11-24'), negotiation(50_000), '2026-11-24T15:00:00.000Z');

describe.each(STORE_BACKENDS)('applying sales deal changes to the kpi facts on %s', (dialect) => {
  let backend: StoreBackend | undefined;
  let store: OpenedStore | undefined;
  afterEach(async () => {
    await store?.db.close();
    await backend?.close();
    store = backend = undefined;
  });

  const open = async (): Promise<OpenedStore> => {
    backend = await startStoreBackend(dialect);
    const config = parseConfig('kpi', serviceEnvShape, backend.env);
    store = await openStore({ ...KPI_STORE, dataDir: config.SOPHIA_DATA_DIR, snowflake: config });
    await store.db.transaction(async (tx) => {
      await upsertMetricDefinitions(tx, METRICS);
      await upsertDailyFacts(tx, FACTS);
    });
    return store;
  };
  const apply = (opened: OpenedStore, dealChange: DealChange) =>
    opened.db.transaction((tx) => applyDealChange(tx, dealChange));
  const facts = async (opened: OpenedStore) =>
    (
      await opened.db.query<{ date: string; fact: string; value: number }>(
        'SELECT CAST(date AS VARCHAR) AS date, fact, value FROM daily_facts ORDER BY fact, date',
      )
    ).map((row) => ({ ...row, value: Number(row.value) }));
  const valueOn = async (opened: OpenedStore, fact: string, date: string) =>
    (await facts(opened)).find((row) => row.fact === fact && row.date === date)?.value;
  const metricsOver = async (opened: OpenedStore, range: { start: string; end: string }) =>
    (await evaluateMetrics(opened.db, METRICS, [range])).get(`${range.start}/${range.end}`)!;

  it('books a won deal in its quarter, counts it won and takes it out of the pipeline from the change day', async () => {
    const opened = await open();
    const before = await metricsOver(opened, Q4);
    expect(await apply(opened, WIN)).toBe(true);
    const after = await metricsOver(opened, Q4);

    expect(after.get('new_bookings')).toBe(before.get('new_bookings')! + 50_000);
    expect(after.get('new_customers')).toBe(before.get('new_customers')! + 1);
    // Win rate and coverage are computed from the adjusted facts: 4 won of 7 closed, 850,000 over a quarter's target.
    expect(before.get('win_rate')).toBe(50);
    expect(after.get('win_rate')).toBeCloseTo((4 / 7) * 100, 9);
    expect(after.get('pipeline_coverage')).toBeCloseTo(
      (before.get('pipeline_coverage')! * 850_000) / 900_000,
      9,
    );
    // The pipeline stock carries Nov 23's level into the change day, then drops; days before are untouched.
    expect(await valueOn(opened, 'open_pipeline', '2026-11-23')).toBe(900_000);
    expect(await valueOn(opened, 'open_pipeline', '2026-11-24')).toBe(850_000);
    expect(await appliedThrough(opened.db)).toBe(1);
  });

  it('changes nothing when the same change arrives again', async () => {
    const opened = await open();
    await apply(opened, WIN);
    const once = await facts(opened);
    expect(await apply(opened, WIN)).toBe(false);
    expect(await facts(opened)).toEqual(once);
  });

  it('reverses a win when the deal is reopened', async () => {
    const opened = await open();
    const untouched = await metricsOver(opened, Q4);
    await apply(opened, WIN);
    await apply(opened, REOPEN);
    const reopened = await metricsOver(opened, Q4);
    for (const id of ['new_bookings', 'new_customers', 'win_rate', 'pipeline_coverage']) {
      expect(reopened.get(id), id).toBeCloseTo(untouched.get(id)!, 9);
    }
    expect(await valueOn(opened, 'open_pipeline', '2026-11-24')).toBe(900_000);
    expect(await valueOn(opened, 'new_bookings', '2026-11-24')).toBe(0);
  });

  it('moves bookings across quarters when a won deal’s close date moves', async () => {
    const opened = await open();
    const [q3, q4] = [await metricsOver(opened, Q3), await metricsOver(opened, Q4)];
    await apply(opened, change(1, closedWon(25_000, '2026-09-30'), closedWon(25_000, '2026-10-01')));
    expect((await metricsOver(opened, Q3)).get('new_bookings')).toBe(q3.get('new_bookings')! - 25_000);
    expect((await metricsOver(opened, Q4)).get('new_bookings')).toBe(q4.get('new_bookings')! + 25_000);
    expect(await valueOn(opened, 'deals_won', '2026-09-30')).toBe(0);
    expect(await valueOn(opened, 'deals_won', '2026-10-01')).toBe(2);
  });

  // Replicas share a store only on the warehouse: an embedded DuckDB file belongs to one process.
  if (dialect === 'snowflake')
    it('applies a change once when two replicas sharing the store apply it at the same time', async () => {
      const opened = await open();
      const config = parseConfig('kpi', serviceEnvShape, backend!.env);
      const replica = await openStore({ ...KPI_STORE, dataDir: config.SOPHIA_DATA_DIR, snowflake: config });
      try {
        const before = await valueOn(opened, 'new_bookings', '2026-11-24');
        const results = await Promise.allSettled([apply(opened, WIN), apply(replica, WIN)]);
        // One applies it; the other skips it, or fails and applies nothing (its catch-up then finds it done).
        expect(results.filter((r) => r.status === 'fulfilled' && r.value === true)).toHaveLength(1);
        expect(await valueOn(opened, 'new_bookings', '2026-11-24')).toBe((before ?? 0) + 50_000);
        expect(await valueOn(opened, 'deals_won', '2026-11-24')).toBe(1);
      } finally {
        await replica.db.close();
      }
    });

  it('gives the same facts whatever order changes arrive in, and catches up from the first gap', async () => {
    const inOrder = await open();
    await apply(inOrder, WIN);
    await apply(inOrder, REOPEN);
    const expected = await facts(inOrder);
    await inOrder.db.close();
    await backend!.close();
    store = backend = undefined;

    const outOfOrder = await open();
    await apply(outOfOrder, REOPEN);
    expect(await appliedThrough(outOfOrder.db)).toBe(0);
    await apply(outOfOrder, WIN);
    expect(await appliedThrough(outOfOrder.db)).toBe(2);
    expect(await facts(outOfOrder)).toEqual(expected);
  });
});
