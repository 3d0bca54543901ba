/** How far a key result has come, and which dates a quarter's metric key results are measured over. */
import type { Period } from './period.ts';
import type { KeyResult } from './types.ts';

/** How far along a key result is, from its start value to its target, clamped to 0–1. Works both ways. */
export function keyResultProgress(
  keyResult: Pick<KeyResult, 'startValue' | 'targetValue' | 'currentValue'>,
): number {
  const span = keyResult.targetValue - keyResult.startValue;
  if (span === 0) return 1;
  return Math.min(1, Math.max(0, (keyResult.currentValue - keyResult.startValue) / span));
}

/**
 * The dates a quarter's metric key results are measured over: the quarter up to `today`, or null for a
 * quarter that has not started.
 */
export function keyResultMeasurementRange(
  period: Period,
  today: string,
): { start: string; end: string } | null {
  if (period.start > today) return null;
  return { start: period.start, end: period.end < today ? period.end : today };
}
