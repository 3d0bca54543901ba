import { rmSync } from 'node:fs';
import { createLogger, type Subgraph } from '@sophia/kit';
import {
  startSubgraph,
  tempDataDir,
  TEST_ANCHOR,
  type GraphQLResponse,
  type RunningSubgraph,
} from '@sophia/kit/testing';
import { generateCompany, type Company, type Deal } from '@sophia/ops';
import { seedDemo } from '@sophia/ops/seed';
import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from '../../kit/src/store/sql-database.ts';
import { startStoreBackend, type StoreBackend } from '../../kit/tests/store-contract-backends.ts';
import { loadSalesConfig } from '../src/env.ts';
import { createSalesSubgraph, type SalesSubgraphOptions } from '../src/subgraph.ts';

/** The company the subgraph loads in tests: the generator's default seed at the test anchor. */
export const company: Company = generateCompany({ anchor: TEST_ANCHOR });

export const newDataDir = (): string => tempDataDir('sales');

export const removeDataDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

/** Builds the sales subgraph on `dataDir` as `npm start` would (demo seeded first), without listening. */
export async function createSales(
  dataDir: string,
  env: Record<string, string> = {},
  options: Omit<SalesSubgraphOptions, 'logger'> = {},
): Promise<Subgraph> {
  const config = loadSalesConfig({
    SOPHIA_DATA_DIR: dataDir,
    SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
    LOG_LEVEL: 'silent',
    ...env,
  });
  // SNOWFLAKE_* in `env` put the store, and so the seed, on the FAKE Snowflake.
  const anchor = env['SOPHIA_DEMO_ANCHOR'] ?? TEST_ANCHOR;
  await seedDemo({ dataDir, anchor, only: ['sales'], snowflake: config });
  return createSalesSubgraph(config, { ...options, logger: createLogger('sales', 'silent') });
}

/** Builds the sales subgraph on `dataDir` and starts it on a free port. */
export async function startSales(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningSubgraph> {
  return startSubgraph(await createSales(dataDir, env));
}

/** The code and `argument` of a response's first error. */
export function errorOf(response: GraphQLResponse<unknown>): { code: unknown; argument: unknown } {
  const extensions = response.errors?.[0]?.extensions ?? {};
  return { code: extensions['code'], argument: extensions['argument'] };
}

export type DealStatus = 'OPEN' | 'WON' | 'LOST';

/** The status the subgraph derives from a generator deal's stage. */
export const statusOf = (deal: Deal): DealStatus =>
  deal.stage === 'CLOSED_WON' ? 'WON' : deal.stage === 'CLOSED_LOST' ? 'LOST' : 'OPEN';

/** Largest first, ties by id: the order of `deals` and `topDeals`. */
export const byAmountDesc = (a: Deal, b: Deal): number =>
  b.amount - a.amount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const closingBetween = (deal: Deal, start: string, end: string): boolean =>
  deal.closeDate >= start && deal.closeDate <= end;

export const sumAmounts = (deals: readonly Deal[]): number =>
  deals.reduce((sum, deal) => sum + deal.amount, 0);

/**
 * Starts sales on a fresh store of `dialect` (a data dir, or the FAKE Snowflake) for the enclosing `describe`
 * and removes both afterwards; the handle forwards to the running subgraph once `beforeAll` has started it.
 */
export function useSales(dialect: Dialect = 'duckdb'): RunningSubgraph {
  let backend: StoreBackend | undefined;
  let running: RunningSubgraph | undefined;
  beforeAll(async () => {
    backend = await startStoreBackend(dialect);
    running = await startSales(backend.env['SOPHIA_DATA_DIR']!, backend.env);
  });
  afterAll(async () => {
    await running?.close();
    await backend?.close();
  });
  return {
    get url() {
      return running!.url;
    },
    request: (query, options) => running!.request(query, options),
    close: async () => running?.close(),
  };
}

export { dataOf } from '@sophia/kit/testing';
