import { z } from 'zod';

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

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Development-only secret so that `npm start` needs no configuration; production sets its own. */
export const DEV_INTERNAL_TOKEN_SECRET = 'sophia-dev-internal-secret-change-me-in-production';

/** Variables every Sophia service reads (DESIGN §9, "all"). */
export const serviceEnvShape = {
  HOST: z.string().default('0.0.0.0'),
  SOPHIA_DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: logLevel.default('info'),
  INTERNAL_TOKEN_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .default(DEV_INTERNAL_TOKEN_SECRET),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** Seed of the demo-data generator; every subgraph must use the same one. */
  SOPHIA_DEMO_SEED: z.coerce.number().int().optional(),
  /** Date the demo data is anchored to (YYYY-MM-DD); the launcher fixes one for all subgraphs. */
  SOPHIA_DEMO_ANCHOR: z.iso.date('must be a date, YYYY-MM-DD').optional(),
};

export const portSchema = z.coerce.number().int().min(0).max(65535);

/**
 * Parses `source` (normally `process.env`, passed in by a service's own env.ts — the only place that reads it)
 * against `shape` and returns a frozen, typed config. Every problem is reported together.
 */
export function parseConfig<Shape extends z.ZodRawShape>(
  service: string,
  shape: Shape,
  source: Readonly<Record<string, string | undefined>>,
): Readonly<z.infer<z.ZodObject<Shape>>> {
  // Empty strings mean "unset" so that `FOO= npm start` falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = z.object(shape).safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      service,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return Object.freeze(result.data);
}
