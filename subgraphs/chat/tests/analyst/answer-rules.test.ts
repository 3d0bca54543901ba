import { describe, expect, it } from 'vitest';
import { riskOf } from '../../src/analyst/answers/at-risk-deals.ts';
import { seriesArgs } from '../../src/analyst/answers/kpi-trend.ts';
import { requestedLimit } from '../../src/analyst/answers/top-deals.ts';
import type { DealData } from '../../src/analyst/tool-data.ts';

const deal = (overrides: Partial<DealData>): DealData => ({
  id: 'deal_1',
  name: 'A deal',
  amount: 100_000,
  stage: 'NEGOTIATION',
  probability: 0.6,
  closeDate: '2026-12-20',
  stageHistory: [{ stage: 'NEGOTIATION', enteredAt: '2026-11-10' }],
  ...overrides,
});

describe('riskOf', () => {
  const on = '2026-11-24';

  it('flags a close date that has passed, a likely miss late in the quarter, and a stalled stage', () => {
    expect(riskOf(deal({ closeDate: '2026-11-20' }), on)).toEqual(['close date passed 4 days ago']);
    expect(riskOf(deal({ probability: 0.2, stage: 'QUALIFICATION' }), on)).toEqual([
      'closes in 26 days at 20.0%',
    ]);
    expect(riskOf(deal({ stageHistory: [{ stage: 'NEGOTIATION', enteredAt: '2026-10-01' }] }), on)).toEqual([
      '54 days in negotiation',
    ]);
  });

  it('leaves a healthy deal alone', () => {
    expect(riskOf(deal({}), on)).toEqual([]);
    // Low probability but months away is early, not at risk.
    expect(riskOf(deal({ probability: 0.1, closeDate: '2027-06-30' }), on)).toEqual([]);
  });
});

describe('seriesArgs', () => {
  it('defaults to the last twelve months and spans the periods asked', () => {
    expect(seriesArgs('arr', [])).toEqual({ id: 'arr', grain: 'MONTH' });
    expect(seriesArgs('arr', ['2026'])).toEqual({ id: 'arr', from: '2026', to: '2026', grain: 'MONTH' });
    expect(seriesArgs('arr', ['2026-Q1', '2026-Q3'])).toEqual({
      id: 'arr',
      from: '2026-Q1',
      to: '2026-Q3',
      grain: 'QUARTER',
    });
    expect(seriesArgs('arr', ['2026-10'])).toEqual({
      id: 'arr',
      from: '2026-10',
      to: '2026-10',
      grain: 'WEEK',
    });
  });
});

describe('requestedLimit', () => {
  it('reads "top N" and "N biggest", within bounds', () => {
    expect(requestedLimit('What are our top deals?')).toBe(10);
    expect(requestedLimit('top 3 deals')).toBe(3);
    expect(requestedLimit('the 5 biggest deals')).toBe(5);
    expect(requestedLimit('top 500 deals')).toBe(50);
  });
});
