import { describe, expect, it } from 'vitest';
import { roundTarget, targetPeriods } from './targets.ts';

describe('targetPeriods', () => {
  it('covers the fact window, the next quarter and the rest of the current year', () => {
    const keys = targetPeriods('2024-10-01', '2026-11-24').map((period) => period.key);
    expect(keys).toContain('2024-Q4');
    expect(keys).toContain('2027-Q1');
    expect(keys).not.toContain('2027-Q2');
    expect(keys).toContain('2024-10');
    expect(keys).toContain('2027-03');
    expect(keys).toContain('2025');
    expect(keys).toContain('2026');
    // Only partly covered: no target for the whole year.
    expect(keys).not.toContain('2024');
    expect(keys).not.toContain('2027');
  });

  it('plans the whole current year even early in it', () => {
    const keys = targetPeriods('2024-01-01', '2026-02-10').map((period) => period.key);
    expect(keys).toContain('2026-Q4');
    expect(keys).toContain('2026');
    expect(keys).toContain('2024');
  });
});

describe('roundTarget', () => {
  it('rounds the way a plan is written', () => {
    expect(roundTarget(34_567_891, 'CURRENCY')).toBe(34_570_000);
    expect(roundTarget(284_321, 'CURRENCY')).toBe(284_000);
    expect(roundTarget(76.543, 'PERCENT')).toBe(76.5);
    expect(roundTarget(7.6, 'COUNT')).toBe(8);
    expect(roundTarget(2.04, 'RATIO')).toBe(2);
  });
});
