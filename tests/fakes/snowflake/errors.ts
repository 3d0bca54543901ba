/**
 * Errors the FAKE answers, shaped as Snowflake's: a code, an SQL state and a message, always with HTTP 200
 * and `success: false` (the SDK treats any other HTTP status as a failed request and retries it).
 */
export class SnowflakeFault extends Error {
  constructor(
    readonly code: string,
    readonly sqlState: string,
    message: string,
    readonly type = 'COMPILATION',
  ) {
    super(message);
    this.name = 'SnowflakeFault';
  }
}

export const compilationError = (detail: string) =>
  new SnowflakeFault('001003', '42000', `SQL compilation error:\n${detail}`);

export const objectMissing = (detail: string) =>
  new SnowflakeFault('002003', '42S02', `SQL compilation error:\n${detail}`);

export const statementTimeout = (seconds: number) =>
  new SnowflakeFault(
    '000630',
    '57014',
    `Statement reached its statement or warehouse timeout of ${seconds} second(s) and was canceled.`,
    'EXECUTION',
  );

export const statementCanceled = () =>
  new SnowflakeFault('000604', '57014', 'SQL execution canceled', 'EXECUTION');

/** Snowflake's "retry me" error: an internal failure, reported with an incident number. */
export const internalError = () =>
  new SnowflakeFault(
    '000603',
    'XX000',
    'SQL execution internal error:\nProcessing aborted due to error 300002:2523514127; incident 4242424.',
    'EXECUTION',
  );

/** DuckDB error class (the text before ' Error:') → Snowflake code and SQL state. */
const DUCKDB_ERRORS: ReadonlyArray<[RegExp, string, string, string]> = [
  [/^Catalog Error/, '002003', '42S02', 'SQL compilation error:\n'],
  [/^Parser Error/, '001003', '42000', 'SQL compilation error:\n'],
  [/^Binder Error/, '000904', '42000', 'SQL compilation error:\n'],
  [/^Invalid Input Error.*JSON/s, '100069', '22P02', ''],
  [/^(Conversion|Invalid Input) Error/, '100038', '22018', ''],
  [/^Constraint Error/, '100072', '22000', ''],
  [/^Out of Range Error/, '100046', '22003', ''],
  [/^Not implemented Error/, '000002', '0A000', 'SQL compilation error:\nUnsupported feature: '],
  // DuckDB fails a conflicting concurrent write where Snowflake would wait on the table lock; both are
  // worth retrying, and 000625 is Snowflake's lock error.
  [/^TransactionContext Error.*[Cc]onflict/s, '000625', '57014', ''],
];

export function faultFromDuckDb(error: unknown): SnowflakeFault {
  if (error instanceof SnowflakeFault) return error;
  const message = error instanceof Error ? error.message : String(error);
  const missing = /^Catalog Error: \w+ with name (\S+) does not exist/.exec(message);
  if (missing) return objectMissing(`Object '${missing[1]}' does not exist or not authorized.`);
  for (const [pattern, code, sqlState, prefix] of DUCKDB_ERRORS) {
    if (pattern.test(message)) {
      const type = prefix.startsWith('SQL compilation') ? 'COMPILATION' : 'EXECUTION';
      return new SnowflakeFault(code, sqlState, `${prefix}${message}`, type);
    }
  }
  return new SnowflakeFault('000603', 'XX000', `SQL execution internal error:\n${message}`, 'EXECUTION');
}
