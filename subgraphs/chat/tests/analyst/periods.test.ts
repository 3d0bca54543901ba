import { describe, expect, it } from 'vitest';
import { parsePeriods, periodBounds, previousPeriod, quarterOf } from '../../src/analyst/periods.ts';

const NOW = new Date('2026-11-24T12:00:00Z');

describe('parsePeriods', () => {
  it.each([
    ['What were our Q3 revenue numbers?', ['2026-Q3']],
    ['Revenue last quarter', ['2026-Q3']],
    ['Revenue this quarter', ['2026-Q4']],
    ['Revenue quarter to date', ['2026-Q4']],
    ['Bookings next quarter', ['2027-Q1']],
    ['Revenue last month', ['2026-10']],
    ['Revenue this month', ['2026-11']],
    ['Revenue in November', ['2026-11']],
    ['Revenue in Sept 2025', ['2025-09']],
    ['Revenue for March 2025', ['2025-03']],
    ['Revenue in 2025', ['2025']],
    ['Revenue this year', ['2026']],
    ['Revenue YTD', ['2026']],
    ['Revenue last year', ['2025']],
    ['Revenue in Q2 2026', ['2026-Q2']],
    ["Revenue in Q2 '25", ['2025-Q2']],
    ['Revenue 2025 Q4', ['2025-Q4']],
    ['Revenue in 2026-Q1', ['2026-Q1']],
    ['Revenue for 2026-07', ['2026-07']],
    ['Revenue in the third quarter', ['2026-Q3']],
    ['Compare Q3 2025 with Q3 2026', ['2025-Q3', '2026-Q3']],
    ['Q2 vs Q3', ['2026-Q2', '2026-Q3']],
    ['Revenue in May', ['2026-05']],
    ['Bookings in H1', ['2026-Q1', '2026-Q2']],
    ['Revenue in the second half of 2025', ['2025-Q3', '2025-Q4']],
    ['ARR growth year over year', ['2026']],
    ['What is ARR?', []],
    ['May I see the pipeline?', []],
  ])('%s → %j', (question, expected) => {
    expect(parsePeriods(question, NOW)).toEqual(expected);
  });

  it('counts relative periods across a year boundary', () => {
    const january = new Date('2027-01-15T09:00:00Z');
    expect(parsePeriods('last quarter', january)).toEqual(['2026-Q4']);
    expect(parsePeriods('last month', january)).toEqual(['2026-12']);
    expect(parsePeriods('this quarter', january)).toEqual(['2027-Q1']);
    expect(parsePeriods('Q3', january)).toEqual(['2027-Q3']);
  });
});

describe('period arithmetic', () => {
  it('steps back one period of the same kind', () => {
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026')).toBe('2025');
    expect(() => previousPeriod('soon')).toThrow(RangeError);
  });

  it('gives the first and last day of a period', () => {
    expect(periodBounds('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(periodBounds('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodBounds('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(quarterOf(NOW)).toBe('2026-Q4');
  });
});
