import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Clock, type SnowflakeEnv, type StoreDefinition } from '@sophia/kit';
import { KPI_STORE } from '@sophia/kpi/store';
import { MEMORY_STORE } from '@sophia/memory/store';
import { PROJECT_STORE } from '@sophia/project/store';
import { SALES_STORE } from '@sophia/sales/store';
import { startFakeSnowflake, type FakeSnowflake } from '../../tests/fakes/snowflake/index.ts';
import { sophiaEnvFor } from '../../tests/fakes/snowflake/sophia-env.ts';
import { importFile } from '../src/import/import-file.ts';
import { IMPORT_KINDS } from '../src/import/kinds/index.ts';
import { SAMPLE_COUNTS, sample } from './import-samples.ts';
import { loadDataConfig } from '../src/seed/env.ts';

/**
 * `npm run import` with SNOWFLAKE_ACCOUNT set: every sample file into the stores on one FAKE Snowflake, read
 * back through the stores there; a bad file refused, by line, with nothing written.
 */

let fake: FakeSnowflake;
let snowflake: SnowflakeEnv;
const dataDir = mkdtempSync(join(tmpdir(), 'sophia-import-sf-'));

beforeAll(async () => {
  fake = await startFakeSnowflake();
  snowflake = loadDataConfig(sophiaEnvFor(fake)).snowflake;
});
afterAll(async () => {
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const importInto = (kind: string, file: string, dryRun = false) =>
  importFile({ dataDir, kind, file, dryRun, snowflake });

/** One number from a store on the FAKE, read as the services read it. */
async function scalar(store: StoreDefinition, sql: string): Promise<number> {
  const { db } = await openStore({ ...store, dataDir, snowflake });
  try {
    const [row] = await db.query<{ n: number | string | null }>(sql);
    return Number(row?.n ?? 0);
  } finally {
    await db.close();
  }
}
const count = (store: StoreDefinition, from: string) =>
  scalar(store, `SELECT COUNT(*) AS n FROM (${from}) x`);

const counts = async () => ({
  people: await count(PROJECT_STORE, 'SELECT * FROM users'),
  milestones: await count(PROJECT_STORE, 'SELECT * FROM milestones'),
  keyResults: await count(PROJECT_STORE, 'SELECT * FROM key_results'),
  deals: await count(SALES_STORE, 'SELECT * FROM deals'),
  dealAmount: await scalar(SALES_STORE, 'SELECT SUM(amount) AS n FROM deals'),
  stages: await count(SALES_STORE, 'SELECT * FROM deal_stage_changes'),
  facts: await count(KPI_STORE, 'SELECT * FROM daily_facts'),
  bookings: await scalar(
    KPI_STORE,
    "SELECT SUM(value) AS n FROM daily_facts WHERE fact = 'new_bookings' " +
      "AND date BETWEEN DATE '2026-07-01' AND DATE '2026-09-30'",
  ),
  targets: await count(KPI_STORE, 'SELECT * FROM metric_targets'),
  documents: await count(MEMORY_STORE, 'SELECT DISTINCT source_id FROM memories'),
  // A TEAM note is its author's team's, from memory's directory (the people import's copy) on Snowflake.
  teamNotes: await count(
    MEMORY_STORE,
    "SELECT * FROM memories WHERE visibility = 'TEAM' AND team_id IS NOT NULL AND source_id = 'doc-2'",
  ),
  directory: await count(MEMORY_STORE, 'SELECT * FROM directory'),
});

describe('npm run import into stores on Snowflake (the FAKE)', () => {
  it('loads every sample file, exactly, and a second run changes nothing', async () => {
    for (const kind of IMPORT_KINDS) {
      const result = await importInto(kind.name, sample(kind.name));
      expect(result.problems, kind.name).toEqual([]);
      expect(result.written, kind.name).toBe(true);
    }
    const first = await counts();
    expect(first).toEqual({
      ...SAMPLE_COUNTS,
      dealAmount: 314_000,
      bookings: 138_000,
      targets: expect.any(Number),
      teamNotes: 1,
    });
    expect(first.targets).toBeGreaterThan(0);
    const { db } = await openStore({ ...SALES_STORE, dataDir, snowflake });
    const history = await db.query<{ stage: string }>(
      "SELECT stage FROM deal_stage_changes WHERE deal_id = 'd-1' ORDER BY position",
    );
    const [won] = await db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM deals WHERE status = 'WON' AND close_date BETWEEN DATE '2026-07-01' AND DATE '2026-09-30'",
    );
    await db.close();
    expect(history.map((change) => change.stage)).toEqual(['PROSPECTING', 'PROPOSAL', 'CLOSED_WON']);
    expect(Number(won?.n)).toBe(2);

    for (const kind of ['people', 'deals', 'deal-stages', 'facts', 'documents'])
      expect((await importInto(kind, sample(kind))).written).toBe(true);
    expect(await counts()).toEqual(first);
  });

  it('refuses a bad file with every problem by line, and writes nothing, nor on --dry-run or a failure', async () => {
    const deals = () => count(SALES_STORE, 'SELECT * FROM deals');
    const before = await deals();
    expect(before).toBeGreaterThan(0);
    // Row 37's amount is no number; row 12's owner is nobody the project store knows.
    const lines = ['id,name,account_id,owner_id,amount,stage,type,created_at,close_date'];
    for (let row = 1; row <= 40; row++) {
      const amount = row === 37 ? 'forty thousand' : String(1000 * row);
      const owner = row === 12 ? 'p-ghost' : 'p-ae1';
      lines.push(
        `d-new-${row},Deal ${row},a-100,${owner},${amount},CLOSED_WON,NEW_BUSINESS,2026-08-01,2026-08-02`,
      );
    }
    const file = join(dataDir, 'bad-deals.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await importInto('deals', file);
    expect(result.written).toBe(false);
    expect(result.problems).toEqual([
      'line 38: amount must be a number, not "forty thousand"',
      'line 13: owner_id "p-ghost" is no known people id (import people first)',
    ]);
    expect(await deals()).toBe(before);

    const clean = lines.filter((_, i) => i !== 12 && i !== 37);
    writeFileSync(file, `${clean.join('\n')}\n`);
    expect(await importInto('deals', file, true)).toMatchObject({ rows: 38, problems: [], written: false });
    expect(await deals()).toBe(before);
    // A failure after the MERGE, in the same transaction (the last write, `sophia_meta`, reads the clock):
    // the deals merged before it are rolled back with it.
    const stopped: Clock = {
      now: () => {
        throw new Error('the clock stopped');
      },
      today: () => '2026-08-02',
    };
    await expect(importFile({ dataDir, kind: 'deals', file, snowflake, clock: stopped })).rejects.toThrow(
      'the clock stopped',
    );
    // The FAKE's history of that transaction, from the temporary copy of the rows on: the MERGE ran, then
    // the ROLLBACK undid it.
    const history = fake.queryHistory().map((query) => query.sqlText);
    const copy = history.findLastIndex((sql) =>
      sql.startsWith('CREATE OR REPLACE TEMPORARY TABLE import_rows'),
    );
    const transaction = history.slice(copy);
    const merged = transaction.findIndex((sql) => sql.startsWith('MERGE INTO deals '));
    expect(copy).toBeGreaterThanOrEqual(0);
    expect(merged).toBeGreaterThan(0);
    expect(transaction.indexOf('ROLLBACK', merged)).toBeGreaterThan(merged);
    expect(await deals()).toBe(before);
    expect(await importInto('deals', file)).toMatchObject({ rows: 38, written: true });
    expect(await deals()).toBe(before + 38);
  });
});
