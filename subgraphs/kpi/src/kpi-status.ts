import type { KpiStatus } from './__generated__/resolvers-types.ts';

/** How far short of target still counts as AT_RISK rather than OFF_TRACK: 5% of the target. */
export const AT_RISK_TOLERANCE = 0.05;

/**
 * Where a value stands against its target. `higherIsBetter` decides which side of the target is short;
 * a shortfall up to 5% of the target is AT_RISK. Without a target, or without a value to judge, NO_TARGET.
 */
export function kpiStatus(value: number | null, target: number | null, higherIsBetter: boolean): KpiStatus {
  if (value === null || target === null) return 'NO_TARGET';
  const shortfall = higherIsBetter ? target - value : value - target;
  if (shortfall <= 0) return 'ON_TRACK';
  return shortfall <= Math.abs(target) * AT_RISK_TOLERANCE ? 'AT_RISK' : 'OFF_TRACK';
}

/** Relative change (0.12 = +12%), measured against the size of the previous value so the sign means up/down. */
export function relativeChange(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return (value - previous) / Math.abs(previous);
}
