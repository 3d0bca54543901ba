/**
 * The one description of what Sophia deploys. The Kubernetes renderer, the Pulumi stacks, the docker-compose
 * file's tests and the policy tests all read this; none repeats it. A new service is one entry here.
 */

export type ServiceName = 'gateway' | 'chat' | 'memory' | 'kpi' | 'project' | 'sales';
export type EnvironmentName = 'dev' | 'staging' | 'production';
export type PerEnvironment<T> = Readonly<Record<EnvironmentName, T>>;

/** What a service may reach beyond the namespace (NetworkPolicy egress); endpoints come per environment. */
export type ExternalDependency = 'redis' | 'warehouse' | 'llm' | 'embeddings';

export interface Resources {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu: string; readonly memory: string };
}

export interface ServiceSpec {
  readonly name: ServiceName;
  /** `gateway` faces users; `subgraph` is reached only through the gateway. */
  readonly role: 'gateway' | 'subgraph';
  readonly port: number;
  readonly description: string;
  /** Non-secret settings; the environment's common settings (SOPHIA_ENV, HOST, ...) come on top. */
  readonly env: Readonly<Record<string, string>>;
  /** Secret variable names, each mounted from the secret store (SecretProviderClass), never a value here. */
  readonly secrets: readonly string[];
  readonly dependencies: readonly ExternalDependency[];
  readonly resources: PerEnvironment<Resources>;
  readonly replicas: PerEnvironment<{ readonly min: number; readonly max: number }>;
  /** Rolled out by Argo Rollouts behind the Istio canary (10, 25, 50, 100 %), instead of a plain Deployment. */
  readonly canary: boolean;
  /**
   * Seconds between SIGTERM and a forced kill: in-flight requests (and, on the gateway, WebSocket
   * subscriptions) finish or are closed in this time. The pod first waits `preStopSeconds` so that
   * endpoints stop routing to it before the process is told to drain.
   */
  readonly drain: { readonly preStopSeconds: number; readonly shutdownSeconds: number };
  /** Scaled on `sophia_embedding_queue_depth` as well as CPU (KEDA). */
  readonly scalesOnEmbeddingQueue: boolean;
  /**
   * Other services it calls inside the namespace, besides the gateway routing to subgraphs (kpi catches up on
   * deal changes from sales): its NetworkPolicy lets it reach them and theirs lets it in.
   */
  readonly calls?: readonly ServiceName[];
}

export const METRICS_PORT = 9464;
export const DATA_DIR = '/data';

const small: Resources = {
  requests: { cpu: '100m', memory: '256Mi' },
  limits: { cpu: '1', memory: '512Mi' },
};
const medium: Resources = {
  requests: { cpu: '250m', memory: '512Mi' },
  limits: { cpu: '2', memory: '1Gi' },
};
const large: Resources = {
  requests: { cpu: '500m', memory: '1Gi' },
  limits: { cpu: '2', memory: '2Gi' },
};

const sized = (dev: Resources, production: Resources): PerEnvironment<Resources> => ({
  dev,
  staging: production,
  production,
});
const scaled = (productionMin: number, productionMax: number) => ({
  dev: { min: 1, max: 2 },
  staging: { min: 2, max: 4 },
  production: { min: productionMin, max: productionMax },
});
const subgraphDrain = { preStopSeconds: 5, shutdownSeconds: 20 };
const warehouseSecrets = ['SNOWFLAKE_PASSWORD'] as const;
/** The gateway-to-subgraph token key, and the ones it replaces while a rotation rolls out (may be empty). */
const internalSecrets = ['INTERNAL_TOKEN_SECRET', 'INTERNAL_TOKEN_PREVIOUS_SECRETS'] as const;
/** The pepper of API key hashes: the project subgraph hashes new keys, the gateway checks presented ones. */
const apiKeyPepper = 'API_KEY_PEPPER';

export const SERVICES: readonly ServiceSpec[] = [
  {
    name: 'gateway',
    role: 'gateway',
    port: 4000,
    description: 'Federation gateway: /graphql, graphql-ws subscriptions, /mcp and the dashboard.',
    env: {
      SUPERGRAPH_PATH: '/app/schema/supergraph.graphql',
      MCP_OPERATIONS_DIR: '/app/schema/operations',
      WEB_DIST_DIR: '/app/web/dist',
      SOPHIA_AUTH_MODE: 'jwt',
    },
    secrets: ['JWT_SECRET', ...internalSecrets, apiKeyPepper, 'REDIS_URL'],
    dependencies: ['redis'],
    resources: sized(small, medium),
    replicas: scaled(3, 12),
    canary: true,
    // WebSocket subscriptions get time to finish their current event before the socket closes.
    drain: { preStopSeconds: 10, shutdownSeconds: 30 },
    scalesOnEmbeddingQueue: false,
  },
  {
    name: 'chat',
    role: 'subgraph',
    port: 4001,
    description: 'Conversations and streamed replies; calls the gateway /mcp for tools and the LLM.',
    env: {},
    secrets: [...internalSecrets, 'REDIS_URL', 'LLM_API_KEY'],
    dependencies: ['redis', 'llm'],
    resources: sized(small, medium),
    replicas: scaled(2, 8),
    canary: true,
    // A reply being written keeps going in the event log; the stream only needs to flush its last event.
    drain: { preStopSeconds: 5, shutdownSeconds: 30 },
    scalesOnEmbeddingQueue: false,
  },
  {
    name: 'memory',
    role: 'subgraph',
    port: 4002,
    description: 'Memories in three tiers; embeddings through the GPU pool.',
    env: { EMBEDDINGS_PROVIDER: 'tei' },
    secrets: [...internalSecrets, 'REDIS_URL', ...warehouseSecrets],
    dependencies: ['redis', 'warehouse', 'embeddings'],
    resources: sized(medium, large),
    replicas: scaled(2, 10),
    canary: false,
    drain: subgraphDrain,
    scalesOnEmbeddingQueue: true,
  },
  ...(['kpi', 'project', 'sales'] as const).map((name, index): ServiceSpec => ({
    name,
    role: 'subgraph',
    port: 4003 + index,
    description: {
      kpi: 'KPI cards and metrics.',
      project: 'Directory, projects and OKRs.',
      sales: 'Accounts, deals and pipeline.',
    }[name],
    env: {},
    // Sales publishes stage and deal changes on Redis, kpi hears the deal changes there.
    secrets: [
      ...internalSecrets,
      ...(name === 'project' ? [apiKeyPepper] : []),
      ...(name === 'project' ? [] : ['REDIS_URL']),
      ...warehouseSecrets,
    ],
    dependencies: name === 'project' ? ['warehouse'] : ['redis', 'warehouse'],
    ...(name === 'kpi' ? { calls: ['sales'] as const } : {}),
    resources: sized(small, medium),
    replicas: scaled(2, 6),
    canary: false,
    drain: subgraphDrain,
    scalesOnEmbeddingQueue: false,
  })),
];

/** The GPU embedding pool (text-embeddings-inference) the memory subgraph sends its batches to. */
export const EMBEDDING_POOL = {
  name: 'embeddings',
  image: 'ghcr.io/huggingface/text-embeddings-inference:1.8',
  model: 'BAAI/bge-base-en-v1.5',
  port: 8080,
  metricsPort: 9000,
  replicas: {
    dev: { min: 1, max: 1 },
    staging: { min: 1, max: 2 },
    production: { min: 2, max: 8 },
  } satisfies PerEnvironment<{ min: number; max: number }>,
  resources: {
    requests: { cpu: '2', memory: '8Gi' },
    limits: { cpu: '4', memory: '16Gi' },
  } satisfies Resources,
  gpus: 1,
  /** Scale out above this GPU utilisation (percent, DCGM exporter) ... */
  gpuUtilisationTarget: 70,
  /** ... or above this many texts waiting per replica in the memory subgraphs' embedding batcher. */
  queueDepthTarget: 64,
  drain: { preStopSeconds: 5, shutdownSeconds: 25 },
} as const;

export const serviceByName = (name: ServiceName): ServiceSpec => {
  const found = SERVICES.find((service) => service.name === name);
  if (!found) throw new Error(`unknown service ${name}`);
  return found;
};
