import { createHash } from 'node:crypto';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { Environment } from '../environments.ts';
import {
  DATA_DIR,
  EMBEDDING_POOL,
  METRICS_PORT,
  SERVICES,
  serviceByName,
  type ServiceSpec,
} from '../services.ts';
import { metaFor } from './meta.ts';

/** Settings every service shares in an environment. */
export const commonSettings = (env: Environment): Record<string, string> => ({
  SOPHIA_ENV: env.sophiaEnv,
  NODE_ENV: 'production',
  HOST: '0.0.0.0',
  METRICS_PORT: String(METRICS_PORT),
  SOPHIA_DATA_DIR: DATA_DIR,
  LOG_LEVEL: env.logLevel,
  OTEL_EXPORTER_OTLP_ENDPOINT: env.otlpEndpoint,
  OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
  OTEL_TRACES_SAMPLER_ARG: String(env.traceSampleRatio),
});

const inCluster = (env: Environment, service: ServiceSpec, scheme: 'http' | 'ws') =>
  `${scheme}://${service.name}.${env.namespace}.svc.cluster.local:${service.port}/graphql`;

/** Where services find each other inside the namespace. */
const wiring = (env: Environment, service: ServiceSpec): Record<string, string> => {
  const subgraphs = SERVICES.filter((other) => other.role === 'subgraph');
  switch (service.name) {
    case 'gateway':
      return {
        JWT_ISSUER: env.identity.issuer,
        JWT_AUDIENCE: env.identity.audience,
        SUBGRAPH_URLS: subgraphs.map((s) => `${s.name}=${inCluster(env, s, 'http')}`).join(','),
        SUBGRAPH_WS_URLS: subgraphs.map((s) => `${s.name}=${inCluster(env, s, 'ws')}`).join(','),
      };
    case 'chat':
      return { SOPHIA_GATEWAY_URL: `http://gateway.${env.namespace}.svc.cluster.local:4000` };
    case 'memory':
      return {
        EMBEDDINGS_URL: `http://${EMBEDDING_POOL.name}.${env.namespace}.svc.cluster.local:${EMBEDDING_POOL.port}`,
        EMBEDDINGS_MODEL: EMBEDDING_POOL.model,
      };
    case 'kpi':
      return {
        SOPHIA_SALES_URL: `http://sales.${env.namespace}.svc.cluster.local:${serviceByName('sales').port}`,
      };
    default:
      return {};
  }
};

/** A service's full non-secret environment: common settings, its own settings, then in-cluster wiring. */
export const settingsFor = (env: Environment, service: ServiceSpec): Record<string, string> => ({
  ...commonSettings(env),
  PORT: String(service.port),
  ...service.env,
  ...wiring(env, service),
});

/**
 * One ConfigMap per service, named with a hash of its content (as kustomize's configMapGenerator does), so a
 * changed setting rolls the pods instead of waiting for their next restart.
 */
export const configMapFor = (env: Environment, service: ServiceSpec): ConfigMap => {
  const data = settingsFor(env, service);
  const hash = createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 10);
  return new ConfigMap({ metadata: metaFor(env, service.name, `${service.name}-config-${hash}`), data });
};
