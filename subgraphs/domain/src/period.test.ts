import { describe, expect, it } from 'vitest';
import {
  PeriodError,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodsOverlapping,
  previousPeriod,
} from './period.ts';

const TODAY = '2026-11-24';

describe('parsePeriod', () => {
  it.each([
    ['2026-Q3', { key: '2026-Q3', grain: 'QUARTER', start: '2026-07-01', end: '2026-09-30' }],
    ['2026-Q1', { key: '2026-Q1', grain: 'QUARTER', start: '2026-01-01', end: '2026-03-31' }],
    ['2026-11', { key: '2026-11', grain: 'MONTH', start: '2026-11-01', end: '2026-11-30' }],
    ['2028-02', { key: '2028-02', grain: 'MONTH', start: '2028-02-01', end: '2028-02-29' }],
    ['2026-2', { key: '2026-02', grain: 'MONTH', start: '2026-02-01', end: '2026-02-28' }],
    ['2026', { key: '2026', grain: 'YEAR', start: '2026-01-01', end: '2026-12-31' }],
    ['Q3', { key: '2026-Q3', grain: 'QUARTER', start: '2026-07-01', end: '2026-09-30' }],
    [' 2026-q4 ', { key: '2026-Q4', grain: 'QUARTER', start: '2026-10-01', end: '2026-12-31' }],
    ['q1', { key: '2026-Q1', grain: 'QUARTER', start: '2026-01-01', end: '2026-03-31' }],
  ])('reads %j', (input, expected) => {
    expect(parsePeriod(input, TODAY)).toEqual(expected);
  });

  it('defaults to the quarter containing today', () => {
    const current = { key: '2026-Q4', grain: 'QUARTER', start: '2026-10-01', end: '2026-12-31' };
    expect(parsePeriod(null, TODAY)).toEqual(current);
    expect(parsePeriod(undefined, TODAY)).toEqual(current);
    expect(parsePeriod('', TODAY)).toEqual(current);
    expect(parsePeriod(undefined, '2027-01-01').key).toBe('2027-Q1');
  });

  it.each([
    '2026-Q5',
    '2026-Q0',
    '2026-13',
    '2026-00',
    'banana',
    'Q5',
    '2026-Q',
    '26',
    '20266',
    '0999',
    '2026-11-24',
    'H1',
  ])('rejects %j with a PeriodError', (input) => {
    let error: unknown;
    try {
      parsePeriod(input, TODAY);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PeriodError);
    expect((error as PeriodError).input).toBe(input);
    expect((error as PeriodError).code).toBe('BAD_USER_INPUT');
  });

  it('refuses an invalid "today" as a programming error', () => {
    expect(() => parsePeriod('2026', 'yesterday')).toThrow(RangeError);
  });
});

describe('period arithmetic', () => {
  it('steps to the previous and next period of the same grain', () => {
    expect(previousPeriod(parsePeriod('2026-Q1', TODAY)).key).toBe('2025-Q4');
    expect(previousPeriod(parsePeriod('2026-01', TODAY)).key).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026', TODAY))).toEqual(parsePeriod('2025', TODAY));
    expect(nextPeriod(parsePeriod('2026-Q4', TODAY)).key).toBe('2027-Q1');
    expect(nextPeriod(parsePeriod('2026-12', TODAY)).key).toBe('2027-01');
  });

  it('finds the period containing a date', () => {
    expect(periodContaining('2026-11-24', 'QUARTER').key).toBe('2026-Q4');
    expect(periodContaining('2026-03-31', 'QUARTER').key).toBe('2026-Q1');
    expect(periodContaining('2026-04-01', 'MONTH').key).toBe('2026-04');
    expect(periodContaining('2026-04-01', 'YEAR').key).toBe('2026');
  });

  it('lists the periods overlapping a range', () => {
    expect(periodsOverlapping('2026-02-15', '2026-07-01', 'QUARTER').map((period) => period.key)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(periodsOverlapping('2026-11-30', '2027-01-01', 'MONTH').map((period) => period.key)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
  });
});
