import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../ops/src/launcher/ports.ts';
import { SUBGRAPHS, startStack, type Stack } from '../../ops/src/launcher/stack.ts';
import { loadDataConfig } from '../../ops/src/seed/env.ts';
import { seedDemo } from '../../ops/src/seed/seed-demo.ts';
import { startFakeSnowflake, type FakeSnowflake } from '../fakes/snowflake/index.ts';
import { sophiaEnvFor } from '../fakes/snowflake/sophia-env.ts';

/** Demo data in tests is anchored to a fixed day so every figure is reproducible. */
export const TEST_ANCHOR = '2026-11-24';

/** Where the stack's stores are: embedded DuckDB files in the data dir, or one FAKE Snowflake for all. */
export type TestStore = 'duckdb' | 'snowflake';

/**
 * SOPHIA_TEST_STORE=snowflake puts every stack of a run on the FAKE Snowflake, so any integration test file
 * can be run that way (`SOPHIA_TEST_STORE=snowflake npx vitest run --project integration <file>`).
 */
export const DEFAULT_STORE: TestStore =
  process.env['SOPHIA_TEST_STORE'] === 'snowflake' ? 'snowflake' : 'duckdb';

export interface RunningStack extends Stack {
  readonly dataDir: string;
  /** The FAKE Snowflake holding every store, when the stack runs on it: its query history names the service. */
  readonly snowflake: FakeSnowflake | undefined;
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
    /**
     * `snowflake` starts a FAKE Snowflake and gives every service its SNOWFLAKE_* variables, as `npm start`
     * does with a real account. @default SOPHIA_TEST_STORE, else `duckdb`
     */
    readonly store?: TestStore;
    /**
     * A running FAKE Snowflake to put the stores on, which the caller closes: stacks started one after
     * another on it share their data, as they do on one data dir (e.g. one a test imported into).
     */
    readonly snowflake?: FakeSnowflake | undefined;
  } = {},
): Promise<RunningStack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sophia-it-'));
  const owned =
    !options.snowflake && (options.store ?? DEFAULT_STORE) === 'snowflake'
      ? await startFakeSnowflake()
      : undefined;
  const snowflake = options.snowflake ?? owned;
  const storeEnv = snowflake ? sophiaEnvFor(snowflake) : {};
  if (!options.empty) {
    // As `npm run seed` reads its environment: SNOWFLAKE_* put the demo where the services will look.
    const { snowflake: snowflakeConfig } = loadDataConfig(storeEnv);
    await seedDemo({ dataDir, anchor: TEST_ANCHOR, snowflake: snowflakeConfig });
  }
  const ports = Object.fromEntries(
    await Promise.all(
      ['gateway', ...SUBGRAPHS.map((s) => s.name)].map(async (name) => [name, await freePort()]),
    ),
  );
  const logs: string[] = [];
  let stack: Stack;
  try {
    stack = await startStack({
      ports: ports as Parameters<typeof startStack>[0]['ports'],
      env: {
        SOPHIA_DATA_DIR: dataDir,
        SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
        LOG_LEVEL: 'warn',
        ...storeEnv,
        ...options.env,
      },
      sink: (service, line) => logs.push(`${service}: ${line}`),
    });
  } catch (error) {
    await owned?.close();
    throw error;
  }
  const graphqlUrl = `${stack.gateway.url}/graphql`;
  return {
    ...stack,
    stop: async () => {
      await stack.stop();
      await owned?.close();
    },
    dataDir,
    snowflake,
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
