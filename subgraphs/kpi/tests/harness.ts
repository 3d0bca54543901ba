import { expect } from 'vitest';
import { createLogger } from '@sophia/kit';
import { startSubgraph, tempDataDir, TEST_ANCHOR, type RunningSubgraph } from '@sophia/kit/testing';
import { loadKpiConfig } from '../src/env.ts';
import { seedDemo } from '@sophia/ops/seed';
import { createKpiSubgraph, type KpiSubgraph, type KpiSubgraphOptions } from '../src/subgraph.ts';

export interface RunningKpi extends RunningSubgraph {
  readonly subgraph: KpiSubgraph;
}

export const newDataDir = (): string => tempDataDir('kpi');

/**
 * The kpi subgraph on a free port over a data directory, anchored to TEST_ANCHOR unless told otherwise;
 * `env` adds variables (the SNOWFLAKE_* of a store backend put the store on the FAKE Snowflake).
 */
export async function startKpi(
  dataDir: string,
  anchor = TEST_ANCHOR,
  env: Readonly<Record<string, string>> = {},
  options: Omit<KpiSubgraphOptions, 'logger'> = {},
): Promise<RunningKpi> {
  const config = loadKpiConfig({
    SOPHIA_DATA_DIR: dataDir,
    SOPHIA_DEMO_ANCHOR: anchor,
    LOG_LEVEL: 'silent',
    ...env,
  });
  await seedDemo({ dataDir: config.SOPHIA_DATA_DIR, anchor, only: ['kpi'], snowflake: config });
  const subgraph = await createKpiSubgraph(config, { ...options, logger: createLogger('kpi', 'silent') });
  return { ...(await startSubgraph(subgraph)), subgraph };
}

/**
 * SQL sums and JavaScript sums add the same doubles in a different order, so they agree to a relative
 * 1e-9, not to the last bit.
 */
export function expectClose(actual: number | null | undefined, expected: number | null, label = ''): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(actual, label).toBeTypeOf('number');
  expect(Math.abs(actual! - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
}
