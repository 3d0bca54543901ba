import { z } from 'zod';

/**
 * The standard OpenTelemetry variables Sophia honours, read before any service code runs. The exporter
 * itself also reads `OTEL_EXPORTER_OTLP_*` (headers, timeout, per-signal endpoint) and the batch processor
 * `OTEL_BSP_*`, as the specification says.
 */
const telemetryShape = z.object({
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).default('false'),
  /** Traces are exported only when an endpoint is set: nothing is sent anywhere by default. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none']).default('otlp'),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** Only the parent-based ratio sampler is offered: a trace is kept or dropped whole, across services. */
  OTEL_TRACES_SAMPLER: z
    .enum(['parentbased_traceidratio', 'parentbased_always_on', 'parentbased_always_off'])
    .default('parentbased_traceidratio'),
  /** The ratio of new traces kept (default 0.1 in production, 1 in development). */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
  SOPHIA_ENV: z.enum(['development', 'production']).optional(),
  NODE_ENV: z.string().optional(),
});

export interface TelemetryConfig {
  /** Where spans go, or undefined when tracing is off. */
  readonly exporting: boolean;
  readonly serviceName: string;
  /** Share of new traces kept; children follow their parent's decision. */
  readonly ratio: number;
}

/** Production keeps one trace in ten by default; development keeps them all. */
export const PRODUCTION_TRACE_RATIO = 0.1;

export function loadTelemetryConfig(
  service: string,
  source: Readonly<Record<string, string | undefined>> = process.env,
): TelemetryConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = telemetryShape.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${service}: invalid OpenTelemetry configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  const production =
    (env.SOPHIA_ENV ?? (env.NODE_ENV === 'production' ? 'production' : 'development')) === 'production';
  const ratio =
    env.OTEL_TRACES_SAMPLER === 'parentbased_always_on'
      ? 1
      : env.OTEL_TRACES_SAMPLER === 'parentbased_always_off'
        ? 0
        : (env.OTEL_TRACES_SAMPLER_ARG ?? (production ? PRODUCTION_TRACE_RATIO : 1));
  return {
    exporting:
      env.OTEL_SDK_DISABLED === 'false' &&
      env.OTEL_TRACES_EXPORTER === 'otlp' &&
      Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT),
    serviceName: env.OTEL_SERVICE_NAME ?? `sophia-${service}`,
    ratio,
  };
}
