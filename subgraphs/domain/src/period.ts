/**
 * Reporting periods as the public API writes them (`2026-Q3`, `2026-11`, `2026`, `Q3`). Pure functions shared
 * by the kpi, sales and project subgraphs so that every one of them reads a period the same way.
 */
import { daysInMonth, fromCivil, parseIsoDate, toCivil, toIsoDate } from './dates.ts';

export type PeriodGrain = 'QUARTER' | 'MONTH' | 'YEAR';

export interface Period {
  /** Canonical key: `2026-Q3`, `2026-11` or `2026`. */
  key: string;
  grain: PeriodGrain;
  /** First day, ISO date, inclusive. */
  start: string;
  /** Last day, ISO date, inclusive. */
  end: string;
}

/** A period string the caller can fix; `code` lets the API map it to `BAD_USER_INPUT`. */
export class PeriodError extends Error {
  readonly code = 'BAD_USER_INPUT';

  constructor(readonly input: string) {
    super(
      `Invalid period ${JSON.stringify(input)}: use a quarter (2026-Q3 or Q3), a month (2026-11) or a year (2026)`,
    );
    this.name = 'PeriodError';
  }
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(\d{1,2})$/;
const YEAR = /^(\d{4})$/;
const QUARTER_OF_THIS_YEAR = /^Q([1-4])$/;
const MIN_YEAR = 1000;

function quarterPeriod(year: number, quarter: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  return {
    key: `${year}-Q${quarter}`,
    grain: 'QUARTER',
    start: toIsoDate(fromCivil(year, firstMonth, 1)),
    end: toIsoDate(fromCivil(year, firstMonth + 2, daysInMonth(year, firstMonth + 2))),
  };
}

function monthPeriod(year: number, month: number): Period {
  return {
    key: `${year}-${String(month).padStart(2, '0')}`,
    grain: 'MONTH',
    start: toIsoDate(fromCivil(year, month, 1)),
    end: toIsoDate(fromCivil(year, month, daysInMonth(year, month))),
  };
}

function yearPeriod(year: number): Period {
  return { key: String(year), grain: 'YEAR', start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The period of the given grain that contains an ISO date. */
export function periodContaining(date: string, grain: PeriodGrain): Period {
  const { year, month } = toCivil(parseIsoDate(date));
  if (grain === 'YEAR') return yearPeriod(year);
  if (grain === 'MONTH') return monthPeriod(year, month);
  return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
}

/**
 * Reads a period argument. Omitted or blank means the quarter containing `today`; `Q3` means that quarter of
 * today's year. Case and surrounding spaces are forgiven; anything else throws.
 * @param today ISO date the relative forms are resolved against.
 * @throws PeriodError for input that names no period (`2026-Q5`, `2026-13`, `banana`).
 */
export function parsePeriod(input: string | null | undefined, today: string): Period {
  const todayDay = parseIsoDate(today);
  const text = (input ?? '').trim().toUpperCase();
  if (text === '') return periodContaining(toIsoDate(todayDay), 'QUARTER');

  const relativeQuarter = QUARTER_OF_THIS_YEAR.exec(text);
  if (relativeQuarter) return quarterPeriod(toCivil(todayDay).year, Number(relativeQuarter[1]));

  const quarter = QUARTER.exec(text);
  const month = MONTH.exec(text);
  const year = YEAR.exec(text);
  const yearNumber = Number((quarter ?? month ?? year)?.[1]);
  if (!(yearNumber >= MIN_YEAR)) throw new PeriodError(input ?? '');
  if (quarter) return quarterPeriod(yearNumber, Number(quarter[2]));
  if (year) return yearPeriod(yearNumber);
  const monthNumber = Number(month?.[2]);
  if (monthNumber < 1 || monthNumber > 12) throw new PeriodError(input ?? '');
  return monthPeriod(yearNumber, monthNumber);
}

/** The period of the same grain that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  return periodContaining(toIsoDate(parseIsoDate(period.start) - 1), period.grain);
}

/** The period of the same grain that starts the day after `period` ends. */
export function nextPeriod(period: Period): Period {
  return periodContaining(toIsoDate(parseIsoDate(period.end) + 1), period.grain);
}

/** Every period of a grain that overlaps the inclusive range, in order. */
export function periodsOverlapping(start: string, end: string, grain: PeriodGrain): Period[] {
  const periods: Period[] = [];
  const last = parseIsoDate(end);
  for (let period = periodContaining(start, grain); parseIsoDate(period.start) <= last;) {
    periods.push(period);
    period = nextPeriod(period);
  }
  return periods;
}
