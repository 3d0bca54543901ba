import type { EnvironmentName } from './services.ts';

/** A dependency outside the namespace: where NetworkPolicy egress may go. */
export interface Endpoint {
  readonly cidrs: readonly string[];
  readonly port: number;
}

/** What differs between dev, staging and production; everything else comes from services.ts. */
export interface Environment {
  readonly name: EnvironmentName;
  readonly namespace: string;
  /** `development` serves the dev login and demo data; `production` refuses default secrets. */
  readonly sophiaEnv: 'development' | 'production';
  /** Images are `<registry>/sophia-<service>:<tag>`; CI pushes one tag per commit. */
  readonly registry: string;
  readonly imageTag: string;
  /** The public host of the gateway (Ingress and VirtualService). */
  readonly host: string;
  readonly logLevel: 'debug' | 'info' | 'warn';
  /** Your identity provider: the gateway accepts only tokens with this issuer and audience. */
  readonly identity: { readonly issuer: string; readonly audience: string };
  /** Fraction of traces sampled (parent-based). */
  readonly traceSampleRatio: number;
  readonly otlpEndpoint: string;
  /** Secrets Store CSI provider and its settings (the store holds the values; manifests name them only). */
  readonly secretStore: {
    readonly provider: 'vault';
    readonly vaultAddress: string;
    /** Vault role prefix; each service logs in as `<prefix>-<service>`. */
    readonly vaultRole: string;
    /** KV v2 prefix; each service reads `<prefix>/<service>`. */
    readonly pathPrefix: string;
  };
  readonly egress: Readonly<Record<'redis' | 'warehouse' | 'llm', Endpoint>>;
  /** Namespaces whose pods may call in: the ingress controller, Prometheus and the Istio ingress. */
  readonly ingressNamespace: string;
  readonly monitoringNamespace: string;
  /** Where the OpenTelemetry collector runs (OTLP/HTTP, port 4318). */
  readonly telemetryNamespace: string;
  /** Prometheus that Argo Rollouts' analysis and KEDA query. */
  readonly prometheusUrl: string;
  readonly gpuNodePool: string;
  readonly ingressClass: string;
  readonly tlsIssuer: string;
}

const privateNetworks = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

const base = {
  registry: 'ghcr.io/sophia-ai',
  // Replaced per commit by CI (`npm run render -- --tag <sha>` or Pulumi's `imageTag` config).
  imageTag: '0.1.0',
  otlpEndpoint: 'http://otel-collector.observability.svc.cluster.local:4318',
  identity: { issuer: 'https://id.example.com/', audience: 'sophia' },
  ingressNamespace: 'ingress-nginx',
  monitoringNamespace: 'monitoring',
  telemetryNamespace: 'observability',
  prometheusUrl: 'http://prometheus-operated.monitoring.svc.cluster.local:9090',
  gpuNodePool: 'gpu',
  ingressClass: 'nginx',
  tlsIssuer: 'letsencrypt',
  egress: {
    // Redis runs in the private network (managed service or in-cluster); TLS port as well as plain.
    redis: { cidrs: privateNetworks, port: 6379 },
    // Snowflake is reached over HTTPS (use your account's PrivateLink range in production).
    warehouse: { cidrs: ['0.0.0.0/0'], port: 443 },
    // An OpenAI-compatible endpoint: hosted (HTTPS) or vLLM in the private network.
    llm: { cidrs: ['0.0.0.0/0'], port: 443 },
  },
} as const;

const vault = (name: EnvironmentName) => ({
  provider: 'vault' as const,
  vaultAddress: 'https://vault.vault.svc.cluster.local:8200',
  vaultRole: `sophia-${name}`,
  pathPrefix: `secret/data/sophia/${name}`,
});

export const ENVIRONMENTS: Readonly<Record<EnvironmentName, Environment>> = {
  dev: {
    ...base,
    name: 'dev',
    namespace: 'sophia-dev',
    sophiaEnv: 'development',
    host: 'sophia.dev.example.com',
    logLevel: 'debug',
    traceSampleRatio: 1,
    secretStore: vault('dev'),
  },
  staging: {
    ...base,
    name: 'staging',
    namespace: 'sophia-staging',
    sophiaEnv: 'production',
    host: 'sophia.staging.example.com',
    logLevel: 'info',
    traceSampleRatio: 0.5,
    secretStore: vault('staging'),
  },
  production: {
    ...base,
    name: 'production',
    namespace: 'sophia',
    sophiaEnv: 'production',
    host: 'sophia.example.com',
    logLevel: 'info',
    traceSampleRatio: 0.1,
    secretStore: vault('production'),
  },
};

export const ENVIRONMENT_NAMES = Object.keys(ENVIRONMENTS) as EnvironmentName[];
