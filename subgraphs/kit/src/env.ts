import { z } from 'zod';
import { DEFAULT_REQUEST_TIMEOUT_MAX_MS } from './request-deadline.ts';
import { snowflakeEnvShape } from './snowflake/env-shape.ts';

/** Thrown when configuration is invalid; lists every problem, not just the first. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(`${service}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const portSchema = z.coerce.number().int().min(0).max(65535);
/** A Redis server shared by a service's replicas (`redis://host:port`); unset keeps state in the process. */
export const redisUrlSchema = z.url().optional();

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Development-only secret so that `npm start` needs no configuration; production refuses it. */
export const DEV_INTERNAL_TOKEN_SECRET = 'sophia-dev-internal-secret-change-me-in-production';
/** Development-only signing secret for demo tokens (POST /auth/dev-login); production refuses it. */
export const DEV_JWT_SECRET = 'sophia-dev-jwt-secret-not-for-production-use';
/** Development-only pepper of API key hashes; production refuses it. */
export const DEV_API_KEY_PEPPER = 'sophia-dev-api-key-pepper-not-for-production';
/** Every secret committed to this repository: none of them may protect a production deployment. */
export const COMMITTED_SECRETS: readonly string[] = [
  DEV_INTERNAL_TOKEN_SECRET,
  DEV_JWT_SECRET,
  DEV_API_KEY_PEPPER,
];

/** Shortest secret production accepts (bytes): HS256 keys below 256 bits can be brute-forced. */
export const MIN_SECRET_BYTES = 32;

export const SOPHIA_ENVS = ['development', 'production'] as const;
export type SophiaEnv = (typeof SOPHIA_ENVS)[number];

/** `a,b,c` → trimmed, non-empty parts. */
const commaList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .default([]);

/** Variables every Sophia service reads (DESIGN §9, "all"). */
export const serviceEnvShape = {
  /**
   * `development` (what `npm start` runs: demo login, Sandbox, committed development secrets) or `production`
   * (refuses to start without real secrets). Default: production when NODE_ENV=production.
   */
  SOPHIA_ENV: z.enum(SOPHIA_ENVS).default('development'),
  /** Address to bind: loopback in development; production must name it (containers set 0.0.0.0). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Admin port serving `/metrics` (and nothing else). Production default 9464; in development `/metrics` stays
   * on the service port unless this is set. 0 picks a free port.
   */
  METRICS_PORT: portSchema.optional(),
  SOPHIA_DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: logLevel.default('info'),
  /** Signs viewer tokens between the gateway and subgraphs (keys are derived from it, never it directly). */
  INTERNAL_TOKEN_SECRET: z
    .string()
    .min(MIN_SECRET_BYTES, `must be at least ${MIN_SECRET_BYTES} characters`)
    .default(DEV_INTERNAL_TOKEN_SECRET),
  /** Secrets replaced by a rotation, still accepted (never used to sign) until removed: `old1,old2`. */
  INTERNAL_TOKEN_PREVIOUS_SECRETS: commaList,
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** Seed of the demo-data generator; every subgraph must use the same one. */
  SOPHIA_DEMO_SEED: z.coerce.number().int().optional(),
  /** Date the demo data is anchored to (YYYY-MM-DD); the launcher fixes one for all subgraphs. */
  SOPHIA_DEMO_ANCHOR: z.iso.date('must be a date, YYYY-MM-DD').optional(),
  /** SNOWFLAKE_ACCOUNT and its companions: when set, every store opens on Snowflake instead of DuckDB. */
  ...snowflakeEnvShape,
  /**
   * The longest a request's writes may wait to commit (ms): a longer deadline from the gateway, or none, gets
   * this. Raise it with the gateway's SUBGRAPH_TIMEOUTS for this service.
   */
  REQUEST_TIMEOUT_MAX_MS: z.coerce
    .number()
    .int()
    .positive()
    .max(600_000)
    .default(DEFAULT_REQUEST_TIMEOUT_MAX_MS),
  /** Test hook, refused in production: every request-bound commit first waits this long (a stalled store). */
  SOPHIA_TEST_COMMIT_DELAY_MS: z.coerce.number().int().min(0).max(600_000).optional(),
};

/**
 * For the services that hash API keys (the project subgraph stores them, the gateway verifies them): the
 * HMAC key of every stored hash, held outside the store so a leaked table cannot be checked offline. Both
 * must hold the same value; production requires a real one (add `requiredSecrets: ['API_KEY_PEPPER']`).
 */
export const apiKeyPepperShape = {
  API_KEY_PEPPER: z
    .string()
    .min(MIN_SECRET_BYTES, `must be at least ${MIN_SECRET_BYTES} characters`)
    .default(DEV_API_KEY_PEPPER),
};

/**
 * Parses `source` (normally `process.env`, passed in by a service's own env.ts — the only place that reads it)
 * against `shape` and returns a frozen, typed config. Every problem is reported together.
 */
export function parseConfig<Shape extends z.ZodRawShape>(
  service: string,
  shape: Shape,
  source: Readonly<Record<string, string | undefined>>,
  options: ParseOptions = {},
): Readonly<z.infer<z.ZodObject<Shape>>> {
  // Empty strings mean "unset" so that `FOO= npm start` falls back to the default.
  const cleaned: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== ''),
  );
  cleaned['SOPHIA_ENV'] ??= cleaned['NODE_ENV'] === 'production' ? 'production' : 'development';
  const result = z.object(shape).safeParse(cleaned);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  if (cleaned['SOPHIA_ENV'] === 'production' && 'SOPHIA_ENV' in shape) {
    problems.push(...productionProblems(cleaned, options));
  }
  if (!result.success || problems.length > 0) throw new ConfigError(service, problems);
  const config = result.data as Record<string, unknown>;
  if (config['SOPHIA_ENV'] === 'production' && 'METRICS_PORT' in shape) {
    config['METRICS_PORT'] ??= DEFAULT_METRICS_PORT;
  }
  return Object.freeze(config) as Readonly<z.infer<z.ZodObject<Shape>>>;
}

/** The admin port for `/metrics` in production (manifests scrape it, named `metrics`). */
export const DEFAULT_METRICS_PORT = 9464;

export interface ParseOptions {
  /** Secrets this service cannot run without in production, besides INTERNAL_TOKEN_SECRET. */
  readonly requiredSecrets?: readonly string[];
  /** Secrets that, when given, must be real ones (long enough, not committed). */
  readonly optionalSecrets?: readonly string[];
  /** Further production rules of one service; returns its problems (empty when fine). */
  readonly productionRules?: (source: Readonly<Record<string, string | undefined>>) => string[];
}

/**
 * What production refuses: a secret missing, equal to one committed to this repository, or shorter than
 * MIN_SECRET_BYTES; an unnamed bind address. Reported with the zod problems, in one message.
 */
function productionProblems(
  source: Readonly<Record<string, string | undefined>>,
  options: ParseOptions,
): string[] {
  const problems: string[] = [];
  const check = (name: string, value: string, label = name) => {
    if (COMMITTED_SECRETS.includes(value)) {
      problems.push(`${label}: is a development default committed to the repository; set your own secret`);
    } else if (Buffer.byteLength(value) < MIN_SECRET_BYTES) {
      problems.push(`${label}: must be at least ${MIN_SECRET_BYTES} bytes in production`);
    }
  };
  for (const name of ['INTERNAL_TOKEN_SECRET', ...(options.requiredSecrets ?? [])]) {
    const value = source[name];
    if (value === undefined) problems.push(`${name}: is required in production (SOPHIA_ENV=production)`);
    else check(name, value);
  }
  for (const name of options.optionalSecrets ?? []) {
    const value = source[name];
    if (value !== undefined) check(name, value);
  }
  const previous = (source['INTERNAL_TOKEN_PREVIOUS_SECRETS'] ?? '').split(',').map((part) => part.trim());
  previous
    .filter(Boolean)
    .forEach((value, index) => check('', value, `INTERNAL_TOKEN_PREVIOUS_SECRETS[${index}]`));
  if (source['SOPHIA_TEST_COMMIT_DELAY_MS'] !== undefined) {
    problems.push('SOPHIA_TEST_COMMIT_DELAY_MS: is a test hook; production refuses it');
  }
  if (source['HOST'] === undefined) {
    problems.push('HOST: is required in production (the address to bind, e.g. 0.0.0.0 in a container)');
  }
  problems.push(...(options.productionRules?.(source) ?? []));
  return problems;
}

/**
 * The parts of a service's config that createSubgraph needs to trust the gateway, expose metrics and bound
 * the deadlines of requests.
 */
export function serviceSecurityOf(config: {
  readonly INTERNAL_TOKEN_SECRET: string;
  readonly INTERNAL_TOKEN_PREVIOUS_SECRETS: readonly string[];
  readonly METRICS_PORT?: number | undefined;
  readonly REQUEST_TIMEOUT_MAX_MS?: number | undefined;
  readonly SOPHIA_TEST_COMMIT_DELAY_MS?: number | undefined;
}) {
  return {
    internalTokenSecret: {
      current: config.INTERNAL_TOKEN_SECRET,
      previous: config.INTERNAL_TOKEN_PREVIOUS_SECRETS,
    },
    metricsPort: config.METRICS_PORT,
    requestDeadline: {
      maxMs: config.REQUEST_TIMEOUT_MAX_MS,
      commitDelayMs: config.SOPHIA_TEST_COMMIT_DELAY_MS,
    },
  };
}
