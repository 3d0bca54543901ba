import { describe, expect, it } from 'vitest';
import * as ops from './index.ts';

describe('@sophia/ops public API', () => {
  it('exports the generator, the directory and the shared helpers', () => {
    for (const name of [
      'generateCompany',
      'demoDirectory',
      'evaluateMetric',
      'keyResultProgress',
      'keyResultMeasurementRange',
      'deriveProjectStatus',
      'parsePeriod',
      'previousPeriod',
      'nextPeriod',
      'periodContaining',
      'periodsOverlapping',
      'metricById',
    ]) {
      expect(typeof (ops as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(typeof ops.DEFAULT_SEED).toBe('number');
    expect(new ops.PeriodError('x')).toBeInstanceOf(Error);
    expect(ops.FACT_NAMES).toContain('new_bookings');
    expect(ops.METRICS.length).toBeGreaterThanOrEqual(14);
  });
});
