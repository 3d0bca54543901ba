/**
 * Whether an answer's figures come from the tool results of its own reply. A figure is grounded when it is
 * a number in a result (or in the question), written to its precision; a share of one written as a percent;
 * a count no larger than the records the results hold; the days between two dates of the results (or today); or
 * the sum of a list's amounts that the answer itself shows. Anything else was invented.
 */
import { figuresIn, type Figure } from './figures.ts';

export interface Evidence {
  /** Every tool result of this reply, as returned. */
  readonly results: readonly unknown[];
  readonly question: string;
  readonly now: Date;
}

interface Facts {
  readonly numbers: number[];
  readonly lists: number[][];
  readonly dates: number[];
  /** Records the results hold, over every list: no count of them can be larger. */
  readonly records: number;
}

const DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const DAY_MS = 86_400_000;

function collect(value: unknown, facts: Facts): void {
  if (typeof value === 'number' && Number.isFinite(value)) facts.numbers.push(value);
  else if (typeof value === 'string') {
    for (const figure of figuresIn(value)) facts.numbers.push(figure.value);
    for (const [date] of value.matchAll(DATE)) facts.dates.push(Date.parse(`${date}T00:00:00Z`));
  } else if (Array.isArray(value)) {
    (facts as { records: number }).records += value.length;
    // The numbers of a list of records, field by field: what a total may add up.
    const fields = new Map<string, number[]>();
    for (const item of value) {
      collect(item, facts);
      if (typeof item === 'number') fields.set('', [...(fields.get('') ?? []), item]);
      else if (item && typeof item === 'object') {
        for (const [key, field] of Object.entries(item)) {
          if (typeof field === 'number') fields.set(key, [...(fields.get(key) ?? []), field]);
        }
      }
    }
    facts.lists.push(...fields.values());
  } else if (value && typeof value === 'object') {
    for (const field of Object.values(value)) collect(field, facts);
  }
}

/** @default 300: above this many numbers, changes are only taken between neighbours of a list. */
const PAIRWISE_LIMIT = 300;

/** Relative changes, in percent, that an answer may state: between neighbours and ends of a list, and
 * between any two numbers of a small result set (a value and its target, one period and the last). */
function changes(facts: Facts): number[] {
  const found: number[] = [];
  const change = (a: number, b: number) => {
    if (b !== 0) found.push(((a - b) / Math.abs(b)) * 100);
  };
  for (const list of facts.lists) {
    for (let i = 1; i < list.length; i++) change(list[i]!, list[i - 1]!);
    if (list.length > 1) change(list.at(-1)!, list[0]!);
  }
  const numbers = [...new Set(facts.numbers)];
  if (numbers.length <= PAIRWISE_LIMIT) {
    for (const a of numbers) for (const b of numbers) if (a !== b) change(a, b);
  }
  return found;
}

function near(figure: Figure, value: number): boolean {
  return Math.abs(Math.abs(figure.value) - Math.abs(value)) <= figure.tolerance;
}

/** The figures of `answer` that no tool result of this reply supports. */
export function inventedFigures(answer: string, evidence: Evidence): Figure[] {
  const facts: Facts = { numbers: [], lists: [], dates: [], records: 0 };
  for (const result of evidence.results) collect(result, facts);
  collect(evidence.question, facts);
  const today = Date.parse(`${evidence.now.toISOString().slice(0, 10)}T00:00:00Z`);
  const dates = [...new Set([...facts.dates, today])];
  const figures = figuresIn(answer);

  let relative: number[] | undefined;
  const supported = (figure: Figure): boolean => {
    if (facts.numbers.some((n) => near(figure, n) || near(figure, n * 100))) return true;
    if (figure.unit === 'PERCENT') {
      relative ??= changes(facts);
      if (relative.some((n) => near(figure, n))) return true;
    }
    const whole = Number.isInteger(figure.value) && figure.unit === 'NUMBER';
    if (whole && figure.value >= 0 && figure.value <= facts.records) return true;
    if (whole && dates.some((a) => dates.some((b) => Math.abs(a - b) / DAY_MS === Math.abs(figure.value)))) {
      return true;
    }
    // A total of the amounts the answer lists from one result list (or of the whole list).
    const stated = figures.filter((other) => other.unit === figure.unit && other !== figure);
    return facts.lists.some((list) => {
      const shown = list.filter((n) => stated.some((s) => near(s, n)));
      const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
      return near(figure, sum(list)) || (shown.length > 1 && near(figure, sum(shown)));
    });
  };
  return figures.filter((figure) => !supported(figure));
}
