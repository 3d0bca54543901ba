import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import { loadTelemetryConfig, type TelemetryConfig } from './env.ts';

export interface Telemetry {
  readonly config: TelemetryConfig;
  /** Sends the spans still buffered; call before the process exits. */
  shutdown(): Promise<void>;
}

let started: Telemetry | undefined;

/**
 * Starts tracing for this process once: a parent-based ratio sampler, W3C trace context, and OTLP/HTTP
 * export. Outbound `fetch` and undici calls are traced through diagnostics channels, so it works whatever
 * was imported first; incoming requests, storage, Redis and the pipelines add their own spans.
 */
export function startTelemetry(
  service: string,
  source?: Readonly<Record<string, string | undefined>>,
): Telemetry {
  if (started) return started;
  const config = loadTelemetryConfig(service, source);
  if (!config.exporting) {
    started = { config, shutdown: async () => {} };
    return started;
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName, 'service.namespace': 'sophia' }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.ratio) }),
    // SDK 2.x takes its processors here; there is no addSpanProcessor any more.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  const undici = new UndiciInstrumentation();
  undici.setTracerProvider(provider);
  undici.enable();
  started = {
    config,
    shutdown: async () => {
      undici.disable();
      await provider.shutdown();
    },
  };
  return started;
}
