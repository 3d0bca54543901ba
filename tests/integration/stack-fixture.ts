import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../ops/src/launcher/ports.ts';
import { SUBGRAPHS, startStack, type Stack } from '../../ops/src/launcher/stack.ts';
import { seedDemo } from '../../ops/src/seed/seed-demo.ts';

/** Demo data in tests is anchored to a fixed day so every figure is reproducible. */
export const TEST_ANCHOR = '2026-11-24';

export interface RunningStack extends Stack {
  readonly dataDir: string;
  readonly graphqlUrl: string;
  /** Logs of every service, printed when a test fails to explain why. */
  readonly logs: string[];
  /** POSTs a GraphQL request to the gateway. */
  query<T = any>(
    query: string,
    options?: { variables?: Record<string, unknown>; token?: string | null },
  ): Promise<{
    status: number;
    data?: T;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  }>;
  /** A development token for a demo user (default: the chief executive). */
  login(email?: string): Promise<string>;
}

/** Starts all five subgraphs and the gateway as separate processes on free ports with a fresh data dir. */
export async function startTestStack(
  options: {
    /** Extra variables for every service (e.g. an embedding server for memory). */
    readonly env?: Readonly<Record<string, string>>;
    /** Start on an empty data dir, as production does, instead of loading the demo company first. */
    readonly empty?: boolean;
    /** An existing data dir (e.g. one a test imported into) instead of a fresh one. */
    readonly dataDir?: string;
  } = {},
): Promise<RunningStack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sophia-it-'));
  if (!options.empty) await seedDemo({ dataDir, anchor: TEST_ANCHOR });
  const ports = Object.fromEntries(
    await Promise.all(
      ['gateway', ...SUBGRAPHS.map((s) => s.name)].map(async (name) => [name, await freePort()]),
    ),
  );
  const logs: string[] = [];
  const stack = await startStack({
    ports: ports as Parameters<typeof startStack>[0]['ports'],
    env: { SOPHIA_DATA_DIR: dataDir, SOPHIA_DEMO_ANCHOR: TEST_ANCHOR, LOG_LEVEL: 'warn', ...options.env },
    sink: (service, line) => logs.push(`${service}: ${line}`),
  });
  const graphqlUrl = `${stack.gateway.url}/graphql`;
  return {
    ...stack,
    dataDir,
    graphqlUrl,
    logs,
    query: async (query, options = {}) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers['authorization'] = `Bearer ${options.token}`;
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables: options.variables ?? {} }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    login: async (email) => {
      const response = await fetch(`${stack.gateway.url}/auth/dev-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: email ? JSON.stringify({ email }) : '',
      });
      return ((await response.json()) as { token: string }).token;
    },
  };
}
