import { describe, expect, it } from 'vitest';
import { figuresIn } from './figures.ts';
import { inventedFigures } from './grounding.ts';

const now = new Date('2026-11-24T12:00:00Z');

describe('figuresIn', () => {
  it('reads money, percents, multiples and suffixes with the precision they were written to', () => {
    const figures = figuresIn('Revenue was $7,992,709 (+17.6%), ARR $1.2M, coverage 3.10×, 42 deals.');
    expect(figures.map((f) => [f.unit, f.value])).toEqual([
      ['MONEY', 7_992_709],
      ['PERCENT', 17.6],
      ['MONEY', 1_200_000],
      ['MULTIPLE', 3.1],
      ['NUMBER', 42],
    ]);
    expect(figures[2]!.tolerance).toBeCloseTo(50_000);
  });

  it('skips dates, periods, years and ids', () => {
    expect(figuresIn('Due 2026-11-24 for 2026-Q3, Q4 and 2025; usr_018 in W48')).toEqual([]);
  });
});

describe('inventedFigures', () => {
  const results = [
    { kpiCards: [{ value: 7_992_709.4, change: 0.1763, metric: { id: 'revenue' } }] },
    { deals: { nodes: [{ amount: 500_000, closeDate: '2026-11-14' }, { amount: 250_000 }, { amount: 10 }] } },
  ];

  it('accepts figures from the results, shares as percents, counts, day spans and totals of what is listed', () => {
    const answer =
      'Revenue $7,992,709, up 17.6%. 3 deals: $500,000 and $250,000, together $750,000; slipped 10 days ago.';
    expect(inventedFigures(answer, { results, question: 'revenue?', now })).toEqual([]);
  });

  it('flags a figure no result holds', () => {
    const invented = inventedFigures('Revenue was $9,100,000 and 12 deals closed.', {
      results,
      question: 'revenue?',
      now,
    });
    expect(invented.map((f) => f.text)).toEqual(['$9,100,000', '12']);
  });

  it('accepts a figure the question itself gives', () => {
    expect(inventedFigures('Deals over $900,000:', { results, question: 'deals over $900k', now })).toEqual(
      [],
    );
  });
});
