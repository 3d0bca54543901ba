import { isIsoDate, parsePeriod, PeriodError } from '@sophia/domain';

/** Turns one cell's text into a value, or says what is wrong with it. */
export type Parse<T> = (text: string) => { value: T } | { problem: string };

export interface Field<T = unknown> {
  readonly column: string;
  readonly required: boolean;
  readonly parse: Parse<T>;
  /** What an empty optional cell becomes. */
  readonly empty: T | null;
  /** What the README's column reference says the column holds. */
  readonly describe: string;
}

const ok = <T>(value: T) => ({ value });
const bad = (problem: string) => ({ problem });

export const text: Parse<string> = (value) => ok(value);

export const id: Parse<string> = (value) =>
  /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/.test(value)
    ? ok(value)
    : bad('must be an id: letters, digits, `_ . : -`, at most 128 characters');

export const number: Parse<number> = (value) => {
  const parsed = Number(value);
  return value.trim() !== '' && Number.isFinite(parsed)
    ? ok(parsed)
    : bad(`must be a number, not ${JSON.stringify(value)}`);
};

export const nonNegative: Parse<number> = (value) => {
  const parsed = number(value);
  return 'value' in parsed && parsed.value < 0 ? bad('must not be negative') : parsed;
};

export const fraction: Parse<number> = (value) => {
  const parsed = number(value);
  return 'value' in parsed && (parsed.value < 0 || parsed.value > 1)
    ? bad('must be between 0 and 1')
    : parsed;
};

export const integer: Parse<number> = (value) => {
  const parsed = number(value);
  return 'value' in parsed && !Number.isInteger(parsed.value)
    ? bad(`must be a whole number, not ${value}`)
    : parsed;
};

export const boolean: Parse<boolean> = (value) => {
  const lower = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(lower)) return ok(true);
  if (['false', '0', 'no'].includes(lower)) return ok(false);
  return bad(`must be true or false, not ${JSON.stringify(value)}`);
};

export const date: Parse<string> = (value) => {
  const day = value.trim().replace(/^"|"$/g, '').slice(0, 10);
  return isIsoDate(day) && /^\d{4}-\d{2}-\d{2}([T ].*)?$/.test(value.trim().replace(/^"|"$/g, ''))
    ? ok(day)
    : bad(`must be a date YYYY-MM-DD, not ${JSON.stringify(value)}`);
};

/** A date or a date and time; stored as ISO 8601 UTC. */
export const timestamp: Parse<string> = (value) => {
  const trimmed = value.trim().replace(/^"|"$/g, '');
  const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  return Number.isNaN(parsed)
    ? bad(`must be a date or an ISO 8601 time, not ${JSON.stringify(value)}`)
    : ok(new Date(parsed).toISOString());
};

export const oneOf =
  <T extends string>(values: readonly T[]): Parse<T> =>
  (value) =>
    (values as readonly string[]).includes(value.trim().toUpperCase())
      ? ok(value.trim().toUpperCase() as T)
      : bad(`must be one of ${values.join(', ')}, not ${JSON.stringify(value)}`);

/** A period key (`2026-Q3`, `2026-11`, `2026`), optionally of one grain. */
export const period =
  (grain?: 'QUARTER'): Parse<string> =>
  (value) => {
    try {
      const parsed = parsePeriod(value.trim(), '2000-01-01');
      if (grain && parsed.grain !== grain)
        return bad(`must be a quarter like 2026-Q3, not ${JSON.stringify(value)}`);
      if (!/^\d{4}/.test(value.trim()))
        return bad(`must name its year, like 2026-Q3, not ${JSON.stringify(value)}`);
      return ok(parsed.key);
    } catch (error) {
      if (error instanceof PeriodError) return bad(error.message);
      throw error;
    }
  };

export const json: Parse<unknown> = (value) => {
  try {
    return ok(JSON.parse(value));
  } catch {
    return bad('must be JSON');
  }
};

/** `a,b` or a JSON list of strings. */
export const list: Parse<string[]> = (value) => {
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    const parsed = json(trimmed);
    if (
      'value' in parsed &&
      Array.isArray(parsed.value) &&
      parsed.value.every((item) => typeof item === 'string')
    )
      return ok(parsed.value as string[]);
    return bad('must be a list of strings');
  }
  return ok(
    trimmed
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
};

export const required = <T>(column: string, parse: Parse<T>, describe: string): Field<T> => ({
  column,
  required: true,
  parse,
  empty: null,
  describe,
});

export const optional = <T>(
  column: string,
  parse: Parse<T>,
  describe: string,
  empty: T | null = null,
): Field<T> => ({
  column,
  required: false,
  parse,
  empty,
  describe,
});
