import { z } from 'zod';
import {
  apiKeyPepperShape,
  ConfigError,
  MAX_BODY_BYTES,
  parseConfig,
  portSchema,
  serviceEnvShape,
} from '@sophia/kit';
import { resilienceEnvShape } from './resilience/env.ts';

/** Development-only signing secret so `npm start` needs no configuration; production refuses it. */
export { DEV_JWT_SECRET } from '@sophia/kit';

/** `true`/`false`; unset stays undefined so the mode (SOPHIA_ENV) picks the default. */
const flag = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .transform((value) => value === 'true')
  .optional();
const positive = z.coerce.number().int().positive();

/** `name=value,name=value` → record, for per-subgraph settings in one variable. */
const perSubgraph = <T extends z.ZodType>(value: T) =>
  z
    .string()
    .transform((text, ctx) => {
      const entries: [string, z.infer<T>][] = [];
      for (const pair of text
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [name, raw] = pair.split(/=(.*)/s, 2);
        const parsed = value.safeParse(raw);
        if (!name || !parsed.success) {
          ctx.addIssue({ code: 'custom', message: `"${pair}" is not name=value with a valid value` });
          return z.NEVER;
        }
        entries.push([name, parsed.data]);
      }
      return Object.fromEntries(entries) as Record<string, z.infer<T>>;
    })
    .default({});

export const gatewayEnvShape = {
  ...serviceEnvShape,
  ...apiKeyPepperShape,
  ...resilienceEnvShape,
  PORT: portSchema.default(4000),
  /** Supergraph SDL to serve; reloaded when the file changes. */
  SUPERGRAPH_PATH: z.string().min(1).default('schema/supergraph.graphql'),
  /**
   * `dev` issues demo tokens at POST /auth/dev-login (development only); `jwt` only verifies tokens from your
   * identity provider. Default: `dev` in development, `jwt` in production.
   */
  SOPHIA_AUTH_MODE: z.enum(['dev', 'jwt']).optional(),
  /** HS256 secret for bearer tokens (dev mode default: a fixed development secret). */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** RS256/ES256 keys of your identity provider, for `jwt` mode. */
  JWKS_URL: z.url().optional(),
  /** Required in production: tokens from any other issuer or for any other audience are refused. */
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  /** Clock difference tolerated between the identity provider and the gateway on `exp` and `nbf`. */
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** Schema introspection and field suggestions ("Did you mean …?"). Default: on in development only. */
  GRAPHQL_INTROSPECTION: flag,
  /** Apollo Sandbox at GET /graphql. Default: on in development only. */
  SANDBOX_ENABLED: flag,
  /**
   * Run only registered operations (the dashboard's documents and schema/operations); callers with the
   * `sophia:arbitrary-operations` scope may send others. Default: on in production only.
   */
  SAFELIST_ENABLED: flag,
  /** Redis shared by gateway replicas (rate limits, persisted queries, API key revocations); unset: in-process. */
  REDIS_URL: z.url().optional(),
  /** Largest request body (HTTP) or WebSocket frame, in bytes. */
  MAX_BODY_BYTES: positive.default(MAX_BODY_BYTES),
  /** Deepest selection nesting an operation may have. */
  MAX_DEPTH: positive.default(12),
  /** Aliases one operation may use. */
  MAX_ALIASES: positive.default(30),
  /** Directives one operation may use. */
  MAX_DIRECTIVES: positive.default(30),
  /** Lexical tokens one document may have; counted before it is parsed into a tree. */
  MAX_TOKENS: positive.default(4_000),
  /** Estimated cost an operation may have: 1 per field, lists multiplied by their `first`/`limit`. */
  MAX_COST: positive.default(20_000),
  /** Operations one HTTP request may batch (a JSON array body). */
  MAX_BATCH: positive.default(1),
  /** Cost one viewer or API key may spend per minute on /graphql (anonymous callers: per address, a tenth). */
  RATE_LIMIT_COST_PER_MINUTE: positive.default(100_000),
  /** MCP requests one caller may send per minute. */
  RATE_LIMIT_MCP_PER_MINUTE: positive.default(300),
  /**
   * Proxies in front of the gateway whose X-Forwarded-For entries are believed for a caller's address (rate
   * limits of anonymous callers). 0: the socket's peer address.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** /auth/* requests one address may send per minute. */
  RATE_LIMIT_AUTH_PER_MINUTE: positive.default(30),
  /** Subscriptions one socket may hold open. */
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: positive.default(256),
  /**
   * How long a replica trusts its last look at an API key: the longest a revoked key keeps working on a
   * replica that did not hear the revocation (no REDIS_URL, or Redis away); with Redis it stops at once.
   */
  API_KEY_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  /** The key store's subgraph, whose internal route the gateway reads presented keys from. */
  API_KEY_SUBGRAPH: z.string().min(1).default('project'),
  /** Sockets one viewer or API key may hold open on this gateway. */
  WS_MAX_SOCKETS_PER_VIEWER: positive.default(64),
  /** Routing URL overrides, e.g. `kpi=http://kpi:4003/graphql,sales=http://sales:4005/graphql`. */
  SUBGRAPH_URLS: perSubgraph(z.url()),
  /** Per-request timeout for subgraph calls. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Per-subgraph timeout overrides, e.g. `memory=20000`. */
  SUBGRAPH_TIMEOUTS: perSubgraph(z.coerce.number().int().positive()),
  /** WebSocket URL overrides for subscriptions, e.g. `sales=ws://sales:4005/graphql` (default: routing URL, ws). */
  SUBGRAPH_WS_URLS: perSubgraph(z.url({ protocol: /^wss?$/ })),
  /** Events one subscription may have waiting for a slow client before its socket is closed (4413). */
  SUBSCRIPTION_BUFFER_EVENTS: z.coerce.number().int().positive().default(256),
  /**
   * How long the gateway keeps its socket to a subgraph open after a client socket's last subscription there
   * ends, so that the client's next subscription reuses it. It closes with the client socket all the same.
   * 0: it closes with the last subscription.
   */
  SUBSCRIPTION_UPSTREAM_IDLE_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /** Checks the supergraph file for changes this often. */
  SUPERGRAPH_POLL_MS: z.coerce.number().int().positive().default(1_000),
  /** Named GraphQL operations served as MCP tools at /mcp, one per operation; reloaded when they change. */
  MCP_OPERATIONS_DIR: z.string().min(1).default('schema/operations'),
  /**
   * An extra MCP tool `graphql` that runs any operation: `false` (default: only the named operations),
   * `true` (any query), `mutations` (any query or mutation).
   */
  MCP_ALLOW_ARBITRARY_GRAPHQL: z.enum(['false', 'true', 'mutations']).default('false'),
  /** The dashboard's operations as codegen writes them: their names (with MCP_OPERATIONS_DIR's) label /metrics. */
  DASHBOARD_DOCUMENTS_PATH: z.string().min(1).default('web/src/__generated__/graphql.ts'),
  /** The built dashboard (`npm run build -w web`), served at `/`; relative paths from the working directory. */
  WEB_DIST_DIR: z.string().min(1).default('web/dist'),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** Reads the gateway's configuration; `overrides` (from command-line flags) win over the environment. */
export function loadGatewayConfig(
  overrides: Record<string, string | undefined> = {},
  source: Readonly<Record<string, string | undefined>> = process.env,
) {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const config = parseConfig('gateway', gatewayEnvShape, { ...source, ...given }, gatewayRules);
  const production = config.SOPHIA_ENV === 'production';
  const authMode = config.SOPHIA_AUTH_MODE ?? (production ? 'jwt' : 'dev');
  if (authMode === 'jwt' && !config.JWT_SECRET && !config.JWKS_URL) {
    throw new ConfigError('gateway', ['SOPHIA_AUTH_MODE=jwt needs JWT_SECRET or JWKS_URL']);
  }
  return Object.freeze({
    ...config,
    SOPHIA_AUTH_MODE: authMode,
    GRAPHQL_INTROSPECTION: config.GRAPHQL_INTROSPECTION ?? !production,
    SANDBOX_ENABLED: config.SANDBOX_ENABLED ?? !production,
    SAFELIST_ENABLED: config.SAFELIST_ENABLED ?? production,
  });
}

/** What production asks of the gateway beyond every service's secrets (kit env.ts). */
const gatewayRules = {
  requiredSecrets: ['API_KEY_PEPPER'],
  optionalSecrets: ['JWT_SECRET'],
  productionRules: (source: Readonly<Record<string, string | undefined>>): string[] => {
    const problems: string[] = [];
    if (source['SOPHIA_AUTH_MODE'] === 'dev') {
      problems.push('SOPHIA_AUTH_MODE: dev (demo logins) is refused in production; use jwt');
    }
    if (!source['JWT_SECRET'] && !source['JWKS_URL']) {
      problems.push("JWKS_URL: your identity provider's keys are required in production (or JWT_SECRET)");
    }
    for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE']) {
      if (!source[name]) problems.push(`${name}: is required in production (tokens are checked against it)`);
    }
    return problems;
  },
};
