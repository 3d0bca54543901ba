import { describe, expect, it } from 'vitest';
import { dayNumber, dayNumberOf, daysBetween, isoDateOf, isoWeekLabel, isoWeekStart } from './calendar.ts';

const weekOf = (iso: string) => isoWeekLabel(isoWeekStart(dayNumber(iso)));

describe('calendar', () => {
  it('accepts real dates only', () => {
    expect(dayNumberOf('2026-11-24')).toBe(20_781);
    expect(dayNumberOf('2026-02-29')).toBeNull();
    expect(dayNumberOf('2026-1-4')).toBeNull();
    expect(isoDateOf(20_781)).toBe('2026-11-24');
    expect(daysBetween('2026-07-01', '2026-09-30')).toBe(92);
  });

  it('labels ISO weeks by the year of their Thursday', () => {
    expect(weekOf('2026-11-24')).toBe('2026-W48');
    expect(isoDateOf(isoWeekStart(dayNumber('2026-11-24')))).toBe('2026-11-23');
    expect(weekOf('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(weekOf('2027-01-01')).toBe('2026-W53'); // a Friday: still the last week of 2026
    expect(weekOf('2024-12-30')).toBe('2025-W01'); // a Monday in week 1 of 2025
    expect(weekOf('2021-01-03')).toBe('2020-W53');
  });
});
