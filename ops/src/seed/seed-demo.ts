import { resolve } from 'node:path';
import { openStore, type SnowflakeEnv } from '@sophia/kit';
import { DEFAULT_SEED, generateCompany, todayIsoUtc, type Company } from '../demo-data/index.ts';
import { writeDevUsers } from './dev-users.ts';
import { DEMO_STORES, type DemoStore } from './demo-stores.ts';

export interface SeedDemoOptions {
  readonly dataDir: string;
  /** @default the generator's default seed */
  readonly seed?: number;
  /** The demo's "today", `YYYY-MM-DD`. @default today's date */
  readonly anchor?: string;
  /** Only these subgraphs' stores. @default all */
  readonly only?: readonly string[];
  /**
   * Leave everything as it is when any store holds imported data (what `npm start` does in development), instead
   * of refusing. @default false
   */
  readonly unlessImported?: boolean;
  /** The SNOWFLAKE_* config: when it names an account, the stores are on Snowflake. */
  readonly snowflake?: SnowflakeEnv;
}

export interface SeedReport {
  /** The demo's "today" as the stores record it. */
  readonly anchor: string | undefined;
  /** Stores that were empty and now hold the demo company. */
  readonly seeded: readonly string[];
  /** Stores that already held the demo company, left as they were. */
  readonly kept: readonly string[];
  /** Stores holding imported data, when `unlessImported` left the whole data dir alone. */
  readonly imported: readonly string[];
}

/**
 * `npm run seed`: loads the demo company into every empty store under `dataDir`, each in one transaction
 * (after its migrations), and lists its people for the development sign-in. A store already holding the demo
 * is kept; one holding imported data is refused, so the demo never mixes with a company's own records.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<SeedReport> {
  const dataDir = resolve(options.dataDir);
  const demoAnchor = options.anchor ?? todayIsoUtc();
  let company: Company | undefined;
  const generated = () =>
    (company ??= generateCompany({
      anchor: demoAnchor,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    }));
  const stores = DEMO_STORES.filter((demo) => !options.only || options.only.includes(demo.store.name));
  const shared = stores.length > 1 ? sharedSchemaProblem(options.snowflake) : undefined;
  if (shared) throw new Error(shared);
  if (options.unlessImported) {
    const imported = await storesHoldingImports(dataDir, stores, options.snowflake);
    if (imported.length > 0) return { anchor: undefined, seeded: [], kept: [], imported };
  }
  const seeded: string[] = [];
  const kept: string[] = [];
  let anchor: string | undefined;
  for (const demo of stores) {
    const opened = await openStore({
      ...demo.store,
      dataDir,
      ...(options.snowflake && { snowflake: options.snowflake }),
      seed: async (tx, dialect) => ({ demoAnchor, meta: await demo.load(tx, generated, dialect) }),
    });
    await opened.db.close();
    (opened.seeded ? seeded : kept).push(demo.store.name);
    anchor ??= opened.meta['demo_anchor'];
  }
  writeDevUsers(dataDir, options.seed ?? DEFAULT_SEED);
  return { anchor, seeded, kept, imported: [] };
}

/**
 * Why several stores cannot open with this Snowflake config, or undefined: SNOWFLAKE_SCHEMA puts every store in
 * one schema, where their migration records collide. Unset, each store uses its own (SOPHIA_<STORE>).
 */
export function sharedSchemaProblem(snowflake: SnowflakeEnv | undefined): string | undefined {
  if (!snowflake?.SNOWFLAKE_ACCOUNT || !snowflake.SNOWFLAKE_SCHEMA) return undefined;
  return (
    `SNOWFLAKE_SCHEMA=${snowflake.SNOWFLAKE_SCHEMA} would put every store in one schema. ` +
    'Unset it: each store then keeps its tables in its own schema, SOPHIA_<STORE>.'
  );
}

/** Where the stores are, for messages: the data dir, or the Snowflake account and database. */
export function storeLocation(dataDir: string, snowflake: SnowflakeEnv | undefined): string {
  if (!snowflake?.SNOWFLAKE_ACCOUNT) return dataDir;
  const where = [snowflake.SNOWFLAKE_DATABASE, snowflake.SNOWFLAKE_SCHEMA].filter(Boolean).join('.');
  return `Snowflake ${snowflake.SNOWFLAKE_ACCOUNT}${where ? ` ${where}` : ''}`;
}

async function storesHoldingImports(
  dataDir: string,
  stores: readonly DemoStore[],
  snowflake: SnowflakeEnv | undefined,
): Promise<string[]> {
  const imported: string[] = [];
  for (const { store } of stores) {
    const opened = await openStore({ ...store, dataDir, ...(snowflake && { snowflake }) });
    await opened.db.close();
    if (opened.meta['data'] === 'imported') imported.push(store.name);
  }
  return imported;
}
