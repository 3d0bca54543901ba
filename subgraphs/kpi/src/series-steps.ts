import { badUserInput } from '@sophia/kit';
import { parsePeriod, PeriodError, periodsOverlapping } from '@sophia/domain';
import type { Grain } from './__generated__/resolvers-types.ts';
import { dayNumber, dayNumberOf, isoDateOf, isoWeekLabel, isoWeekStart } from './calendar.ts';
import type { DateRange } from './evaluate-metrics.ts';

/** Most points one series may return; more is a mistake the caller can fix with a coarser grain. */
export const MAX_SERIES_POINTS = 800;

/** One step of a series: its label (`2026-11-24`, `2026-W48`, `2026-11`, `2026-Q4`) and the days it covers. */
export interface SeriesStep extends DateRange {
  readonly label: string;
}

/**
 * The days a series covers. `from`/`to` are dates (YYYY-MM-DD) or periods (a period's first day for `from`,
 * its last for `to`); `to` defaults to today and `from` to the first day of the twelfth month back from `to`,
 * so the default is twelve calendar months, the last of them running up to today.
 */
export function seriesRange(
  from: string | null | undefined,
  to: string | null | undefined,
  today: string,
): DateRange {
  const end = to ? boundary(to, today, 'to') : today;
  const start = from ? boundary(from, today, 'from') : twelveMonthsBack(end);
  if (start > end) throw badUserInput(`\`from\` (${start}) is after \`to\` (${end}).`, 'from');
  return { start, end };
}

/** The steps of a range at a grain, oldest first; the first and last are clipped to the range. */
export function seriesSteps(range: DateRange, grain: Grain): SeriesStep[] {
  const count = stepCount(range, grain);
  if (count > MAX_SERIES_POINTS) {
    throw badUserInput(
      `A ${grain} series from ${range.start} to ${range.end} has ${count} points, more than ${MAX_SERIES_POINTS}: ` +
        'narrow the range or use a coarser grain.',
      'grain',
    );
  }
  return unclippedSteps(range, grain).map((step) => ({
    label: step.label,
    start: step.start < range.start ? range.start : step.start,
    end: step.end > range.end ? range.end : step.end,
  }));
}

function unclippedSteps(range: DateRange, grain: Grain): SeriesStep[] {
  if (grain === 'MONTH' || grain === 'QUARTER') {
    return periodsOverlapping(range.start, range.end, grain).map((p) => ({
      label: p.key,
      start: p.start,
      end: p.end,
    }));
  }
  const last = dayNumber(range.end);
  const steps: SeriesStep[] = [];
  if (grain === 'DAY') {
    for (let day = dayNumber(range.start); day <= last; day++) {
      const iso = isoDateOf(day);
      steps.push({ label: iso, start: iso, end: iso });
    }
  } else {
    for (let monday = isoWeekStart(dayNumber(range.start)); monday <= last; monday += 7) {
      steps.push({ label: isoWeekLabel(monday), start: isoDateOf(monday), end: isoDateOf(monday + 6) });
    }
  }
  return steps;
}

/** Counted before any step is built, so an absurd range is refused cheaply. */
function stepCount(range: DateRange, grain: Grain): number {
  const first = dayNumber(range.start);
  const last = dayNumber(range.end);
  if (grain === 'DAY') return last - first + 1;
  if (grain === 'WEEK') return (isoWeekStart(last) - isoWeekStart(first)) / 7 + 1;
  const perStep = grain === 'MONTH' ? 1 : 3;
  return Math.floor(monthIndex(range.end) / perStep) - Math.floor(monthIndex(range.start) / perStep) + 1;
}

const monthIndex = (iso: string): number => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

function boundary(input: string, today: string, argument: 'from' | 'to'): string {
  const text = input.trim();
  if (dayNumberOf(text) !== null) return text;
  try {
    const period = parsePeriod(text, today);
    return argument === 'from' ? period.start : period.end;
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    throw badUserInput(
      `\`${argument}\` must be a date (YYYY-MM-DD) or a period (2026-Q3, 2026-11, 2026); got ${JSON.stringify(input)}.`,
      argument,
    );
  }
}

function twelveMonthsBack(end: string): string {
  const month = monthIndex(end) - 11;
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}
