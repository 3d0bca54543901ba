import { z } from 'zod';
import { ConfigError, parseConfig, portSchema, serviceEnvShape } from '@sophia/kit';

/** Development-only signing secret so `npm start` needs no configuration. */
export const DEV_JWT_SECRET = 'sophia-dev-jwt-secret-not-for-production-use';

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
  PORT: portSchema.default(4000),
  /** Supergraph SDL to serve; reloaded when the file changes. */
  SUPERGRAPH_PATH: z.string().min(1).default('schema/supergraph.graphql'),
  /** `dev` issues demo tokens at POST /auth/dev-login; `jwt` only verifies tokens from your identity provider. */
  SOPHIA_AUTH_MODE: z.enum(['dev', 'jwt']).default('dev'),
  /** HS256 secret for bearer tokens (dev mode default: a fixed development secret). */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** RS256/ES256 keys of your identity provider, for `jwt` mode. */
  JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
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
  /** Checks the supergraph file for changes this often. */
  SUPERGRAPH_POLL_MS: z.coerce.number().int().positive().default(1_000),
  /** Named GraphQL operations served as MCP tools at /mcp, one per operation; reloaded when they change. */
  MCP_OPERATIONS_DIR: z.string().min(1).default('schema/operations'),
  /**
   * An extra MCP tool `graphql` that runs any operation: `false` (default: only the named operations),
   * `true` (any query), `mutations` (any query or mutation).
   */
  MCP_ALLOW_ARBITRARY_GRAPHQL: z.enum(['false', 'true', 'mutations']).default('false'),
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
  const config = parseConfig('gateway', gatewayEnvShape, { ...source, ...given });
  if (config.SOPHIA_AUTH_MODE === 'jwt' && !config.JWT_SECRET && !config.JWKS_URL) {
    throw new ConfigError('gateway', ['SOPHIA_AUTH_MODE=jwt needs JWT_SECRET or JWKS_URL']);
  }
  return config;
}
