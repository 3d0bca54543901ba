import { describe, expect, it } from 'vitest';
import {
  addYears,
  dayOfWeek,
  fromCivil,
  isIsoDate,
  parseIsoDate,
  toCivil,
  toIsoDate,
  toWeekdayOnOrBefore,
} from './dates.ts';

describe('dates', () => {
  it('round-trips day numbers and ISO dates', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(toIsoDate(0)).toBe('1970-01-01');
    for (let day = -1_000; day < 30_000; day += 37) expect(parseIsoDate(toIsoDate(day))).toBe(day);
    expect(toCivil(fromCivil(2028, 2, 29))).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('accepts only real dates', () => {
    expect(isIsoDate('2026-11-24')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const invalid of [
      '2026-02-29',
      '2026-13-01',
      '2026-1-01',
      '26-11-24',
      'today',
      '2026-11-24T00:00',
    ]) {
      expect(isIsoDate(invalid)).toBe(false);
    }
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
  });

  it('knows the weekday', () => {
    expect(dayOfWeek(parseIsoDate('2026-11-24'))).toBe(2); // a Tuesday
    expect(toIsoDate(toWeekdayOnOrBefore(parseIsoDate('2026-11-29')))).toBe('2026-11-27');
  });

  it('adds years, falling back from 29 February', () => {
    expect(toIsoDate(addYears(parseIsoDate('2028-02-29'), 1))).toBe('2029-02-28');
    expect(toIsoDate(addYears(parseIsoDate('2026-11-24'), -2))).toBe('2024-11-24');
  });
});
