/**
 * Typed Snowflake errors. Callers branch on the class (or `transient`), never on the message; `code` and
 * `sqlState` are Snowflake's own, `queryId` finds the statement in Snowflake's query history.
 */
export class SnowflakeError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly sqlState: string | undefined,
    readonly queryId: string | undefined,
    /** True when the same statement may succeed if tried again (the client retries these). */
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Login refused: wrong password, unknown user, or a key that does not match the registered one. */
export class SnowflakeAuthError extends SnowflakeError {}
/** The statement is wrong (compilation, missing object, constraint, conversion): retrying cannot help. */
export class SnowflakeSqlError extends SnowflakeError {}
/** Snowflake cancelled the statement at STATEMENT_TIMEOUT_IN_SECONDS. Not retried: it would time out again. */
export class SnowflakeTimeoutError extends SnowflakeError {}
/** The statement was cancelled on request. */
export class SnowflakeCanceledError extends SnowflakeError {}
/** Network failures, exhausted HTTP retries, internal errors, lock waits, lost sessions: worth retrying. */
export class SnowflakeUnavailableError extends SnowflakeError {}

/**
 * Codes meaning the session behind a pooled connection is gone (invalid or expired token, session ended, or
 * the SDK's own 407002 "terminated connection"): that connection is destroyed and the statement retried.
 */
export const SESSION_GONE_CODES = new Set(['390104', '390111', '390114', '407002']);
/** Codes worth retrying: internal error (Snowflake asks to retry), lock wait limit, lost sessions. */
const TRANSIENT_CODES = new Set(['000603', '000625', ...SESSION_GONE_CODES]);
const AUTH_CODES = /^(390100|390101|390102|390144|390190|3902\d\d|390318|390422)$/;

interface SdkError {
  name?: string;
  message?: string;
  code?: string | number;
  sqlState?: string;
  data?: { queryId?: string };
}

/** Maps an error from snowflake-sdk to the typed errors above. */
export function toSnowflakeError(error: unknown, context = ''): SnowflakeError {
  if (error instanceof SnowflakeError) return error;
  const e = (error ?? {}) as SdkError;
  const code = e.code === undefined ? '' : String(e.code);
  const message = `${context}${e.message ?? String(error)}${code ? ` (Snowflake ${code})` : ''}`;
  const args = [message, code, e.sqlState, e.data?.queryId] as const;
  if (AUTH_CODES.test(code)) return new SnowflakeAuthError(...args, false, { cause: error });
  if (code === '000630') return new SnowflakeTimeoutError(...args, false, { cause: error });
  if (code === '000604') return new SnowflakeCanceledError(...args, false, { cause: error });
  // NetworkError / RequestFailedError / LargeResultSetError: the SDK's own HTTP retries ran out.
  const network =
    e.name === 'NetworkError' || e.name === 'RequestFailedError' || e.name === 'LargeResultSetError';
  if (network || TRANSIENT_CODES.has(code))
    return new SnowflakeUnavailableError(...args, true, { cause: error });
  if (e.name === 'OperationFailedError' && /^\d{6}$/.test(code))
    return new SnowflakeSqlError(...args, false, { cause: error });
  return new SnowflakeError(...args, false, { cause: error });
}
