import { describe, expect, it } from 'vitest';
import { kpiStatus, relativeChange } from './kpi-status.ts';

describe('kpiStatus', () => {
  it('judges higher-is-better metrics: at or above target on track, within 5% at risk', () => {
    expect(kpiStatus(100, 100, true)).toBe('ON_TRACK');
    expect(kpiStatus(120, 100, true)).toBe('ON_TRACK');
    expect(kpiStatus(95, 100, true)).toBe('AT_RISK');
    expect(kpiStatus(94.9, 100, true)).toBe('OFF_TRACK');
  });

  it('judges lower-is-better metrics from the other side', () => {
    expect(kpiStatus(80, 100, false)).toBe('ON_TRACK');
    expect(kpiStatus(104, 100, false)).toBe('AT_RISK');
    expect(kpiStatus(106, 100, false)).toBe('OFF_TRACK');
  });

  it('says NO_TARGET without a target or without a value', () => {
    expect(kpiStatus(100, null, true)).toBe('NO_TARGET');
    expect(kpiStatus(null, 100, true)).toBe('NO_TARGET');
  });
});

describe('relativeChange', () => {
  it('is relative to the previous value, signed by direction', () => {
    expect(relativeChange(112, 100)).toBeCloseTo(0.12);
    expect(relativeChange(-50, -100)).toBeCloseTo(0.5);
    expect(relativeChange(1, 0)).toBeNull();
    expect(relativeChange(null, 1)).toBeNull();
  });
});
