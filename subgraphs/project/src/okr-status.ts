/**
 * How an objective or key result is doing: its progress (0 to 1) against the progress expected by now.
 *
 * - A quarter not yet started has measured nothing, so it is ON_TRACK whatever its numbers say.
 * - ACHIEVED once progress reaches 1.
 * - While the quarter runs, the expectation is the share of the quarter elapsed (linear pacing):
 *   ON_TRACK within ON_TRACK_SLACK of it, AT_RISK within AT_RISK_SLACK, else OFF_TRACK.
 * - Once the quarter is over the expectation is FINISHED_EXPECTATION rather than 1, so the usual OKR grade of
 *   0.7 ("a stretch goal mostly met") still reads as on track, 0.55 to 0.7 as at risk, less as off track.
 */
export type OkrStatus = 'ACHIEVED' | 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK';

export const ON_TRACK_SLACK = 0.1;
export const AT_RISK_SLACK = 0.25;
export const FINISHED_EXPECTATION = 0.8;

/** Guards against float noise such as 0.1 + 0.2 so that exact boundaries land on the kinder side. */
const EPSILON = 1e-9;

export function okrStatus(progress: number, elapsedShare: number): OkrStatus {
  if (elapsedShare <= 0) return 'ON_TRACK';
  if (progress >= 1 - EPSILON) return 'ACHIEVED';
  const expected = elapsedShare >= 1 ? FINISHED_EXPECTATION : elapsedShare;
  if (progress >= expected - ON_TRACK_SLACK - EPSILON) return 'ON_TRACK';
  if (progress >= expected - AT_RISK_SLACK - EPSILON) return 'AT_RISK';
  return 'OFF_TRACK';
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string): number => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/**
 * Share of the days from `start` to `end` (both YYYY-MM-DD, both inclusive) that have begun by the end of
 * `today`, clamped to 0…1: the quarter's first day counts as 1/n, its last as 1.
 */
export function elapsedShare(start: string, end: string, today: string): number {
  const total = dayNumber(end) - dayNumber(start) + 1;
  const done = dayNumber(today) - dayNumber(start) + 1;
  return Math.min(1, Math.max(0, done / total));
}

/** An objective's progress: the mean of its key results' progress (0 with no key results). */
export function objectiveProgress(keyResultProgresses: readonly number[]): number {
  if (keyResultProgresses.length === 0) return 0;
  return keyResultProgresses.reduce((sum, p) => sum + p, 0) / keyResultProgresses.length;
}
