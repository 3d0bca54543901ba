/**
 * Periods named in a question, as the API's period strings (`2026-Q3`, `2026-11`, `2026`). Relative words
 * ("last quarter", "this month") count from `now` in UTC, like the API's own current period.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const MONTH_ABBREVIATIONS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const ORDINAL_QUARTERS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: 4,
};

export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

function monthOf(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

function shiftQuarter(period: string, by: number): string {
  const [year, quarter] = period.split('-Q').map(Number) as [number, number];
  const index = year * 4 + (quarter - 1) + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

function shiftMonth(period: string, by: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + by;
  return monthOf(Math.floor(index / 12), (index % 12) + 1);
}

/** The period before `period` of the same kind: `2026-Q3` → `2026-Q2`, `2026-01` → `2025-12`, `2026` → `2025`. */
export function previousPeriod(period: string): string {
  if (/^\d{4}-Q[1-4]$/.test(period)) return shiftQuarter(period, -1);
  if (/^\d{4}-\d{2}$/.test(period)) return shiftMonth(period, -1);
  if (/^\d{4}$/.test(period)) return String(Number(period) - 1);
  throw new RangeError(`Not a period: ${period}`);
}

/** First and last day (YYYY-MM-DD) of a period. */
export function periodBounds(period: string): { start: string; end: string } {
  const day = (date: Date): string => date.toISOString().slice(0, 10);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const [year, q] = [Number(quarter[1]), Number(quarter[2])];
    return {
      start: day(new Date(Date.UTC(year, (q - 1) * 3, 1))),
      end: day(new Date(Date.UTC(year, q * 3, 0))),
    };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    return { start: day(new Date(Date.UTC(year, m - 1, 1))), end: day(new Date(Date.UTC(year, m, 0))) };
  }
  if (/^\d{4}$/.test(period)) return { start: `${period}-01-01`, end: `${period}-12-31` };
  throw new RangeError(`Not a period: ${period}`);
}

interface Found {
  readonly at: number;
  readonly period: string;
}

/**
 * Finds every period the question names, in the order it names them. Each rule consumes its text so that
 * "Q3 2025" is one period, not a quarter and a year.
 */
export function parsePeriods(question: string, now: Date): string[] {
  let text = ` ${question
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[?,!;:()]/g, ' ')} `;
  const year = now.getUTCFullYear();
  const found: Found[] = [];
  const take = (pattern: RegExp, toPeriod: (match: RegExpExecArray, at: number) => string | null): void => {
    text = text.replace(pattern, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const at = args.at(-2) as number;
      const period = toPeriod(match, at);
      if (period === null) return match[0];
      found.push({ at, period });
      return ' '.repeat(match[0].length);
    });
  };
  const takeMany = (pattern: RegExp, toPeriods: (match: RegExpExecArray) => string[]): void => {
    text = text.replace(pattern, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const at = args.at(-2) as number;
      toPeriods(match).forEach((period, index) => found.push({ at: at + index / 10, period }));
      return ' '.repeat(match[0].length);
    });
  };
  const thisQuarter = quarterOf(now);
  const thisMonth = monthOf(year, now.getUTCMonth() + 1);

  // Explicit forms first: they are unambiguous.
  take(/\b(\d{4})-q([1-4])\b/g, (m) => `${m[1]}-Q${m[2]}`);
  take(/\bq([1-4])\s*(?:of\s+|fy\s*)?'?(\d{4}|\d{2})\b/g, (m) => `${fullYear(m[2]!)}-Q${m[1]}`);
  take(/\b(\d{4})\s+q([1-4])\b/g, (m) => `${m[1]}-Q${m[2]}`);
  take(/\bq([1-4])\b/g, (m) => `${year}-Q${m[1]}`);
  take(
    /\b(first|second|third|fourth)\s+quarter(?:\s+(?:of\s+)?(\d{4}))?\b/g,
    (m) => `${m[2] ?? year}-Q${ORDINAL_QUARTERS[m[1]!]}`,
  );
  take(/\b(\d{4})-(\d{2})\b/g, (m) => (Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null));

  // Halves are not API periods: a half is its two quarters.
  takeMany(/\b(?:h([12])|(first|second) half)(?:\s+(?:of\s+)?(?:fy\s*)?(\d{4}))?\b/g, (m) => {
    const half = m[1] === '2' || m[2] === 'second' ? 2 : 1;
    const of = m[3] ?? String(year);
    return half === 1 ? [`${of}-Q1`, `${of}-Q2`] : [`${of}-Q3`, `${of}-Q4`];
  });

  // Relative forms, counted from now.
  take(/\b(?:this|current|the current)\s+quarter\b|\bqtd\b|\bquarter to date\b/g, () => thisQuarter);
  take(/\b(?:last|previous|prior|past)\s+quarter\b/g, () => shiftQuarter(thisQuarter, -1));
  take(/\bnext\s+quarter\b/g, () => shiftQuarter(thisQuarter, 1));
  take(/\b(?:this|current|the current)\s+month\b|\bmtd\b|\bmonth to date\b/g, () => thisMonth);
  take(/\b(?:last|previous|prior|past)\s+month\b/g, () => shiftMonth(thisMonth, -1));
  take(/\bnext\s+month\b/g, () => shiftMonth(thisMonth, 1));
  take(
    /\b(?:this|current|the current)\s+(?:fiscal\s+)?year\b|\bytd\b|\byear to date\b|\byear over year\b|\byoy\b/g,
    () => String(year),
  );
  take(/\b(?:last|previous|prior)\s+(?:fiscal\s+)?year\b/g, () => String(year - 1));
  take(/\bnext\s+year\b/g, () => String(year + 1));

  // Month names, with or without a year. "may" is a month only with a year or after "in"/"of"/"for".
  take(
    new RegExp(
      `\\b(${MONTHS.join('|')}|sept|${MONTH_ABBREVIATIONS.join('|')})\\.?(?:\\s+(?:of\\s+)?(\\d{4}))?\\b`,
      'g',
    ),
    (m, at) => {
      const name = m[1]!;
      const index =
        name === 'sept'
          ? 8
          : name.length === 3
            ? MONTH_ABBREVIATIONS.indexOf(name)
            : MONTHS.indexOf(name as never);
      if (index < 0) return null;
      if (name === 'may' && m[2] === undefined) {
        const before = text.slice(0, at).trimEnd();
        if (!/\b(?:in|of|for|since|during|from)$/.test(before)) return null;
      }
      if (name === 'mar' || name === 'march') {
        if (m[2] === undefined && /^\s+(?:on|to)\b/.test(text.slice(at + m[0].length))) return null;
      }
      return monthOf(m[2] ? Number(m[2]) : year, index + 1);
    },
  );
  take(/\b(?:fy\s*)?(20\d{2})\b/g, (m) => m[1]!);

  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((entry) => entry.period))];
}

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}
