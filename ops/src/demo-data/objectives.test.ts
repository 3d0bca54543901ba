import { describe, expect, it } from 'vitest';
import {
  evaluateMetric,
  keyResultMeasurementRange,
  keyResultProgress,
  metricById,
  nextPeriod,
  parsePeriod,
  periodContaining,
  previousPeriod,
} from '@sophia/domain';
import { ANCHOR, company } from './test-fixture.ts';

describe('keyResultProgress', () => {
  it('measures progress from start to target, clamped to 0–1', () => {
    expect(keyResultProgress({ startValue: 10, targetValue: 20, currentValue: 15 })).toBe(0.5);
    expect(keyResultProgress({ startValue: 10, targetValue: 20, currentValue: 25 })).toBe(1);
    expect(keyResultProgress({ startValue: 10, targetValue: 20, currentValue: 5 })).toBe(0);
  });

  it('works for key results that aim downwards', () => {
    expect(keyResultProgress({ startValue: 12, targetValue: 7, currentValue: 9 })).toBeCloseTo(0.6, 10);
  });

  it('treats a key result whose start is its target as done', () => {
    expect(keyResultProgress({ startValue: 5, targetValue: 5, currentValue: 5 })).toBe(1);
  });
});

describe('keyResultMeasurementRange', () => {
  it('measures a quarter up to the anchor, and not at all before it starts', () => {
    expect(keyResultMeasurementRange(parsePeriod('2026-Q3', '2026-11-24'), '2026-11-24')).toEqual({
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(keyResultMeasurementRange(parsePeriod('2026-Q4', '2026-11-24'), '2026-11-24')).toEqual({
      start: '2026-10-01',
      end: '2026-11-24',
    });
    expect(keyResultMeasurementRange(parsePeriod('2027-Q1', '2026-11-24'), '2026-11-24')).toBeNull();
  });
});

describe('objectives of the demo company', () => {
  const current = periodContaining(ANCHOR, 'QUARTER');
  const quarters = [previousPeriod(current), current, nextPeriod(current)].map((period) => period.key);

  it('cover the previous, current and next quarter with about six objectives each', () => {
    for (const quarter of quarters) {
      const objectives = company.objectives.filter((objective) => objective.period === quarter);
      expect(objectives.length).toBeGreaterThanOrEqual(5);
      expect(objectives.length).toBeLessThanOrEqual(7);
      for (const objective of objectives) {
        expect(objective.id).toMatch(new RegExp(`^obj_${quarter.toLowerCase().replace('-', '')}_\\d{2}$`));
        expect(objective.keyResults.length).toBeGreaterThanOrEqual(2);
      }
    }
    expect(new Set(company.objectives.map((objective) => objective.period))).toEqual(new Set(quarters));
  });

  it('measure metric key results with the same facts as the kpi subgraph', () => {
    let checked = 0;
    for (const objective of company.objectives) {
      const range = keyResultMeasurementRange(parsePeriod(objective.period, ANCHOR), ANCHOR);
      for (const keyResult of objective.keyResults) {
        if (keyResult.metricId === null) continue;
        if (range === null) {
          expect(keyResult.currentValue).toBe(keyResult.startValue);
          continue;
        }
        const value = evaluateMetric(metricById(keyResult.metricId), company.facts, range.start, range.end);
        expect(keyResult.currentValue, keyResult.id).toBe(value);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('aim every metric key result in the direction that metric improves', () => {
    for (const keyResult of company.objectives.flatMap((objective) => objective.keyResults)) {
      const progress = keyResultProgress(keyResult);
      expect(progress).toBeGreaterThanOrEqual(0);
      expect(progress).toBeLessThanOrEqual(1);
      if (keyResult.metricId === null) continue;
      const better = metricById(keyResult.metricId).higherIsBetter;
      expect(
        better ? keyResult.targetValue > keyResult.startValue : keyResult.targetValue < keyResult.startValue,
      ).toBe(true);
    }
  });
});
