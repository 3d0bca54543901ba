import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDb } from '@sophia/kit';
import { evaluateMetric, type FactRow, type MetricFormula } from '@sophia/domain';
import { evaluateMetrics, rangeKey } from './evaluate-metrics.ts';

const FORMULAS: Record<string, MetricFormula> = {
  flow: { kind: 'sum', fact: 'revenue' },
  stock: { kind: 'last', fact: 'arr' },
  retention: {
    kind: 'ratio',
    numerator: [
      { fact: 'arr', agg: 'first' },
      { fact: 'revenue', agg: 'sum' },
      { fact: 'new_customers', agg: 'sum', sign: -1 },
    ],
    denominator: [{ fact: 'arr', agg: 'first' }],
    scale: 100,
  },
  monthlyRate: {
    kind: 'ratio',
    numerator: [{ fact: 'arr', agg: 'last' }],
    denominator: [{ fact: 'revenue', agg: 'sum', perMonth: true }],
  },
  negativeFirst: {
    kind: 'ratio',
    numerator: [
      { fact: 'revenue', agg: 'sum', sign: -1 },
      { fact: 'arr', agg: 'last' },
    ],
    denominator: [{ fact: 'new_customers', agg: 'sum' }],
  },
  zeroDenominator: {
    kind: 'ratio',
    numerator: [{ fact: 'revenue', agg: 'sum' }],
    denominator: [{ fact: 'deals_lost', agg: 'sum' }],
  },
};

const RANGES = [
  { start: '2026-01-01', end: '2026-03-31' },
  { start: '2026-01-01', end: '2026-01-31' },
  { start: '2026-02-10', end: '2026-03-05' },
  { start: '2026-02-14', end: '2026-02-14' }, // a day without new_customers
  { start: '2026-03-20', end: '2026-04-30' }, // runs past the data
  { start: '2025-01-01', end: '2025-12-31' }, // before any data
];

/** Three months of facts with noise, a fact present only every third day and one that is always zero. */
function syntheticFacts(): FactRow[] {
  let state = 42;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const facts: FactRow[] = [];
  let arr = 1_000_000;
  for (let day = Date.UTC(2026, 0, 1); day <= Date.UTC(2026, 2, 31); day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    arr += Math.round((random() - 0.4) * 10_000);
    facts.push({ date, fact: 'revenue', value: Math.round(arr / 365 + (random() - 0.5) * 500) / 100 });
    facts.push({ date, fact: 'arr', value: arr });
    facts.push({ date, fact: 'deals_lost', value: 0 });
    if (Number(date.slice(8)) % 3 === 0)
      facts.push({ date, fact: 'new_customers', value: Math.floor(random() * 4) });
  }
  return facts;
}

describe('evaluateMetrics (formulas translated to SQL)', () => {
  const facts = syntheticFacts();
  let db: DuckDb;

  beforeAll(async () => {
    db = await DuckDb.open('', ':memory:');
    await db.run(
      'CREATE TABLE daily_facts (date DATE NOT NULL, fact VARCHAR NOT NULL, value DOUBLE NOT NULL)',
    );
    await db.insertRows('daily_facts', facts as unknown as Record<string, unknown>[]);
  });
  afterAll(() => db.close());

  it('matches the reference evaluateMetric for every formula over every range, in one query', async () => {
    const metrics = Object.entries(FORMULAS).map(([id, formula]) => ({ id, formula }));
    const values = await evaluateMetrics(db, metrics, RANGES);
    for (const range of RANGES) {
      for (const metric of metrics) {
        const expected = evaluateMetric(metric, facts, range.start, range.end);
        const actual = values.get(rangeKey(range))?.get(metric.id) ?? null;
        const label = `${metric.id} ${rangeKey(range)}`;
        if (expected === null) expect(actual, label).toBeNull();
        else
          expect(Math.abs(actual! - expected), label).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(expected)),
          );
      }
    }
  });

  it('gives null, not zero, where the range has no data, a term is missing, or the denominator is zero', async () => {
    const values = await evaluateMetrics(
      db,
      Object.entries(FORMULAS).map(([id, formula]) => ({ id, formula })),
      RANGES,
    );
    expect(values.get('2025-01-01/2025-12-31')).toBeUndefined();
    expect(values.get('2026-02-14/2026-02-14')?.get('retention')).toBeNull();
    expect(values.get('2026-01-01/2026-03-31')?.get('zeroDenominator')).toBeNull();
    expect(values.get('2026-01-01/2026-03-31')?.get('retention')).toBeTypeOf('number');
  });
});
