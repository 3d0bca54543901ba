import { isIsoDate, parsePeriod, PeriodError } from '@sophia/domain';

/**
 * Turns one cell's text into a value, or says what is wrong with it. A parse with `sql` also says the same in
 * SQL, so a staged file's column is checked and typed set-wise; the function still words each problem.
 */
export type Parse<T> = ((text: string) => { value: T } | { problem: string }) & {
  /**
   * An SQL expression of a non-empty cell: its typed value, or NULL where `parse` refuses it. `cell` is the
   * cell's text (VARCHAR), `trimmed` the same without the white space around it (`TRIMMED_SQL`).
   */
  readonly sql?: (cell: string, trimmed: string) => string;
};

/** Gives a parse its SQL twin (the import's tests check that the two agree). */
const withSql = <T>(
  parse: (text: string) => { value: T } | { problem: string },
  sql: (cell: string, trimmed: string) => string,
): Parse<T> => Object.assign(parse, { sql });

/**
 * A cell without the white space around it, as JavaScript's `trim` (DuckDB's own trim keeps tabs and breaks).
 * Most cells have none, and the match that says so costs less than the replacement.
 */
export const trimmedSql = (cell: string): string =>
  `CASE WHEN regexp_matches(${cell}, '^[\\s\\v]|[\\s\\v]$') ` +
  `THEN regexp_replace(${cell}, '^[\\s\\v]+|[\\s\\v]+$', '', 'g') ELSE ${cell} END`;

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

export const text: Parse<string> = withSql(
  (value) => ok(value),
  (cell) => cell,
);

const ID = '[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}';
export const id: Parse<string> = withSql(
  (value) =>
    new RegExp(`^${ID}$`).test(value)
      ? ok(value)
      : bad('must be an id: letters, digits, `_ . : -`, at most 128 characters'),
  (cell) => `CASE WHEN regexp_full_match(${cell}, '${ID}') THEN ${cell} END`,
);

/** Decimal notation only (`12`, `-0.5`, `1e6`): hex, `1_000` and `Infinity` are not amounts. */
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
/** DuckDB's cast reads what NUMBER allows, and also `1_000`, `inf` and `nan`, which are refused here. */
const numberSql = (trimmed: string) =>
  `CASE WHEN NOT contains(${trimmed}, '_') AND isfinite(TRY_CAST(${trimmed} AS DOUBLE)) ` +
  `THEN TRY_CAST(${trimmed} AS DOUBLE) END`;
/** A number column's typed value where `accept` (SQL over the number) holds. */
const numberWhere = (accept: (x: string) => string) => (_cell: string, trimmed: string) =>
  `CASE WHEN ${accept(`(${numberSql(trimmed)})`)} THEN ${numberSql(trimmed)} END`;

export const number: Parse<number> = withSql(
  (value) => {
    const parsed = Number(value);
    return NUMBER.test(value) && Number.isFinite(parsed)
      ? ok(parsed)
      : bad(`must be a number, not ${JSON.stringify(value)}`);
  },
  (_cell, trimmed) => numberSql(trimmed),
);

export const nonNegative: Parse<number> = withSql(
  (value) => {
    const parsed = number(value);
    return 'value' in parsed && parsed.value < 0 ? bad('must not be negative') : parsed;
  },
  numberWhere((x) => `${x} >= 0`),
);

export const fraction: Parse<number> = withSql(
  (value) => {
    const parsed = number(value);
    return 'value' in parsed && (parsed.value < 0 || parsed.value > 1)
      ? bad('must be between 0 and 1')
      : parsed;
  },
  numberWhere((x) => `${x} BETWEEN 0 AND 1`),
);

export const integer: Parse<number> = withSql(
  (value) => {
    const parsed = number(value);
    return 'value' in parsed && !Number.isInteger(parsed.value)
      ? bad(`must be a whole number, not ${value}`)
      : parsed;
  },
  numberWhere((x) => `${x} = floor(${x})`),
);

const TRUE = ['true', '1', 'yes'];
const FALSE = ['false', '0', 'no'];
const sqlList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
export const boolean: Parse<boolean> = withSql(
  (value) => {
    const lower = value.trim().toLowerCase();
    if (TRUE.includes(lower)) return ok(true);
    if (FALSE.includes(lower)) return ok(false);
    return bad(`must be true or false, not ${JSON.stringify(value)}`);
  },
  (_cell, trimmed) =>
    `CASE WHEN lower(${trimmed}) IN (${sqlList(TRUE)}) THEN true ` +
    `WHEN lower(${trimmed}) IN (${sqlList(FALSE)}) THEN false END`,
);

/** A day, or a day and a time whose day is kept; one quote either side is forgiven. */
const DATE = '\\d{4}-\\d{2}-\\d{2}([T ].*)?';
export const date: Parse<string> = withSql(
  (value) => {
    const unquoted = value.trim().replace(/^"|"$/g, '');
    const day = unquoted.slice(0, 10);
    return isIsoDate(day) && new RegExp(`^${DATE}$`).test(unquoted)
      ? ok(day)
      : bad(`must be a date YYYY-MM-DD, not ${JSON.stringify(value)}`);
  },
  (_cell, trimmed) =>
    `CASE WHEN regexp_full_match(${trimmed}, '"?${DATE}"?') ` +
    `THEN TRY_CAST(substr(${trimmed}, CASE WHEN starts_with(${trimmed}, '"') THEN 2 ELSE 1 END, 10) AS DATE) END`,
);

/** A date or a date and time; stored as ISO 8601 UTC. */
export const timestamp: Parse<string> = (value) => {
  const trimmed = value.trim().replace(/^"|"$/g, '');
  const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  return Number.isNaN(parsed)
    ? bad(`must be a date or an ISO 8601 time, not ${JSON.stringify(value)}`)
    : ok(new Date(parsed).toISOString());
};

export const oneOf = <T extends string>(values: readonly T[]): Parse<T> =>
  withSql(
    (value) =>
      (values as readonly string[]).includes(value.trim().toUpperCase())
        ? ok(value.trim().toUpperCase() as T)
        : bad(`must be one of ${values.join(', ')}, not ${JSON.stringify(value)}`),
    (_cell, trimmed) => `CASE WHEN upper(${trimmed}) IN (${sqlList(values)}) THEN upper(${trimmed}) END`,
  );

/** A name matching `pattern` (a regular expression both JavaScript and DuckDB read alike), trimmed. */
export const matching = (pattern: string, problem: (value: string) => string): Parse<string> =>
  withSql(
    (value) => (new RegExp(`^${pattern}$`).test(value.trim()) ? ok(value.trim()) : bad(problem(value))),
    (_cell, trimmed) => `CASE WHEN regexp_full_match(${trimmed}, '${pattern}') THEN ${trimmed} END`,
  );

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
