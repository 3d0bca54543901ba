/**
 * Snowflake for Sophia's stores. Not re-exported from the kit's index on purpose: snowflake-sdk is heavy to
 * load, and only a service configured with SNOWFLAKE_ACCOUNT needs it (import this folder then).
 */
export {
  SnowflakeClient,
  type SnowflakeClientOptions,
  type SnowflakeParam,
  type SnowflakeRunner,
} from './client.ts';
export { snowflakeEnvShape, snowflakeOptions, type SnowflakeOptions } from './env.ts';
export {
  SnowflakeAuthError,
  SnowflakeCanceledError,
  SnowflakeError,
  SnowflakeSqlError,
  SnowflakeTimeoutError,
  SnowflakeUnavailableError,
  toSnowflakeError,
} from './errors.ts';
export { withRetry, type RetryOptions } from './retry.ts';
