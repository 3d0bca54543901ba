import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { SignJWT } from 'jose';
import { createLogger, createSubgraph, gql, listenHttp, type Subgraph } from '@sophia/kit';
import { startSubgraph, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { DEV_JWT_SECRET, loadGatewayConfig } from '../src/env.ts';
import { createGateway, type GatewayService } from '../src/gateway.ts';

/**
 * A small federation for the resilience tests: `catalog` owns items (and a counter a mutation bumps),
 * `stock` adds each item's stock level and has its own root list. Root lists are nullable, as Sophia's are.
 */
const catalogTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    items: [Item!]
  }
  type Mutation {
    bump: Int!
  }
  type Item @key(fields: "id") {
    id: ID!
    name: String!
  }
`;
const stockTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    levels: [Level!]
  }
  type Level {
    sku: ID!
    count: Int!
  }
  type Item @key(fields: "id") {
    id: ID!
    stock: Int
  }
`;

const items = [
  { id: 'i1', name: 'Desk', stock: 4 },
  { id: 'i2', name: 'Lamp', stock: 0 },
];

function catalog(counter: { bumps: number }): Promise<Subgraph> {
  return createSubgraph({
    name: 'catalog',
    typeDefs: catalogTypeDefs,
    internalTokenSecret: TEST_SECRET,
    logger: createLogger('catalog', 'silent'),
    createContext: (base) => base,
    resolvers: {
      Query: { items: () => items.map(({ id, name }) => ({ id, name })) },
      Mutation: { bump: () => (counter.bumps += 1) },
    },
  });
}

function stock(): Promise<Subgraph> {
  return createSubgraph({
    name: 'stock',
    typeDefs: stockTypeDefs,
    internalTokenSecret: TEST_SECRET,
    logger: createLogger('stock', 'silent'),
    createContext: (base) => base,
    resolvers: {
      Query: { levels: () => items.map(({ id, stock: count }) => ({ sku: id, count })) },
      Item: { __resolveReference: (ref: { id: string }) => items.find((item) => item.id === ref.id) },
    },
  });
}

export type FaultMode =
  /** Forward to the subgraph. */
  | 'pass'
  /** Answer 503, as a subgraph behind a proxy that lost it. */
  | 'unavailable'
  /** Drop the connection without an answer, as a subgraph killed mid-request. */
  | 'reset'
  /** Keep the request until `release()`. */
  | 'hold';

/**
 * A FAKE fault-injecting HTTP proxy in front of a real subgraph: it counts what reaches it (queries and
 * mutations apart) and fails, drops or holds requests on demand.
 */
export interface FaultProxy {
  readonly url: string;
  mode: FaultMode;
  /** Fail only the next n requests (then `pass`), whatever `mode` says. */
  failNext(n: number, how: 'unavailable' | 'reset'): void;
  readonly seen: { queries: number; mutations: number };
  /** The headers of the last request that reached it. */
  readonly lastHeaders?: IncomingHttpHeaders;
  /** Requests being held now. */
  readonly held: number;
  release(): void;
  close(): Promise<void>;
}

async function startFaultProxy(target: string): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const seen = { queries: 0, mutations: 0 };
  let pendingFailures: { n: number; how: 'unavailable' | 'reset' } = { n: 0, how: 'unavailable' };
  let waiting: Array<() => void> = [];
  const proxy: FaultProxy = {
    url: '',
    mode: 'pass',
    seen,
    get held() {
      return waiting.length;
    },
    failNext: (n, how) => (pendingFailures = { n, how }),
    release: () => {
      const released = waiting;
      waiting = [];
      for (const go of released) go();
    },
    close: async () => {
      proxy.release();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const { query } = JSON.parse(body.toString('utf8')) as { query: string };
      (proxy as { lastHeaders?: IncomingHttpHeaders }).lastHeaders = req.headers;
      if (/^\s*mutation\b/.test(query)) seen.mutations += 1;
      else seen.queries += 1;
      let mode: FaultMode = proxy.mode;
      if (pendingFailures.n > 0) {
        pendingFailures.n -= 1;
        mode = pendingFailures.how;
      }
      if (mode === 'unavailable') {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('no healthy upstream');
        return;
      }
      if (mode === 'reset') {
        req.socket.destroy();
        return;
      }
      const forward = () => {
        const upstream = httpRequest(
          {
            host: targetUrl.hostname,
            port: targetUrl.port,
            path: targetUrl.pathname,
            method: 'POST',
            headers: req.headers,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.end(body);
      };
      if (mode === 'hold') waiting.push(forward);
      else forward();
    });
  });
  const port = await listenHttp(server, 0, '127.0.0.1');
  (proxy as { url: string }).url = `http://127.0.0.1:${port}/graphql`;
  return proxy;
}

function writeSupergraph(urls: { catalog: string; stock: string }): string {
  const result = composeServices([
    { name: 'catalog', url: urls.catalog, typeDefs: catalogTypeDefs },
    { name: 'stock', url: urls.stock, typeDefs: stockTypeDefs },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const path = join(mkdtempSync(join(tmpdir(), 'sophia-resilience-')), 'supergraph.graphql');
  writeFileSync(path, result.supergraphSdl);
  return path;
}

export interface Reply {
  status: number;
  headers: Headers;
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export interface ResilienceFixture {
  readonly gateway: GatewayService;
  readonly origin: string;
  readonly catalog: FaultProxy;
  readonly stock: FaultProxy;
  readonly counter: { bumps: number };
  /** POSTs to /graphql as `user` (a development token signed for that subject), with extra `headers`. */
  post(query: string, user?: string, headers?: Record<string, string>): Promise<Reply>;
  /** One metric's value from /metrics, e.g. `sophia_subgraph_breaker_state{subgraph="stock"}`. */
  metric(series: string): Promise<number | undefined>;
  close(): Promise<void>;
}

/** Both subgraphs behind fault proxies and a gateway in-process, with the resilience knobs given. */
export async function startResilienceFixture(env: Record<string, string>): Promise<ResilienceFixture> {
  const counter = { bumps: 0 };
  const subgraphs: RunningSubgraph[] = [
    await startSubgraph(await catalog(counter)),
    await startSubgraph(await stock()),
  ];
  const [catalogProxy, stockProxy] = await Promise.all(subgraphs.map((s) => startFaultProxy(s.url)));
  const config = loadGatewayConfig(
    {
      SUPERGRAPH_PATH: writeSupergraph({ catalog: catalogProxy!.url, stock: stockProxy!.url }),
      INTERNAL_TOKEN_SECRET: TEST_SECRET,
      SUBGRAPH_TIMEOUT_MS: '5000',
      // A busy test machine lags too: only the shedding test sheds on lag.
      SHED_MAX_EVENT_LOOP_LAG_MS: '60000',
      ...env,
    },
    {},
  );
  const gateway = await createGateway(config, { logger: createLogger('gateway', 'silent') });
  const { port } = await gateway.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();
  const tokenFor = async (user: string) => {
    const key = new TextEncoder().encode(DEV_JWT_SECRET);
    if (!tokens.has(user)) {
      const token = await new SignJWT({ roles: ['member'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key);
      tokens.set(user, token);
    }
    return tokens.get(user)!;
  };
  return {
    gateway,
    origin,
    catalog: catalogProxy!,
    stock: stockProxy!,
    counter,
    post: async (query, user = 'usr_001', headers = {}) => {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await tokenFor(user)}`,
          ...headers,
        },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
    },
    metric: async (series) => {
      const [name, labels = ''] = series.replace('}', '').split('{');
      const pairs = labels.split(',').filter(Boolean);
      const text = await (await fetch(`${origin}/metrics`)).text();
      const line = text
        .split('\n')
        .find(
          (l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && pairs.every((p) => l.includes(p)),
        );
      return line === undefined ? undefined : Number(line.split(' ').at(-1));
    },
    close: async () => {
      await gateway.close();
      await Promise.all([catalogProxy!.close(), stockProxy!.close()]);
      await Promise.all(subgraphs.map((s) => s.close()));
    },
  };
}
