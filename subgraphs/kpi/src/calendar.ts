/**
 * Day arithmetic for series steps. Periods (quarters, months, years) come from `@sophia/domain`; what is here is
 * only what periods do not cover: single days, ISO weeks, and validating a `YYYY-MM-DD` argument.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (UTC), or null when `iso` is not a real calendar date written `YYYY-MM-DD`. */
export function dayNumberOf(iso: string): number | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  return isoDateOf(day) === iso ? day : null;
}

export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 for a date already known to be valid. */
export function dayNumber(iso: string): number {
  const day = dayNumberOf(iso);
  if (day === null) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return day;
}

/** Inclusive count of days from `start` to `end`. */
export function daysBetween(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start) + 1;
}

/** The Monday that starts the ISO week of a day. */
export function isoWeekStart(day: number): number {
  const mondayBased = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return day - mondayBased;
}

/** ISO 8601 week label of the week starting on a Monday, e.g. `2026-W48`: the week belongs to its Thursday's year. */
export function isoWeekLabel(monday: number): string {
  const thursday = isoDateOf(monday + 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((monday + 3 - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
