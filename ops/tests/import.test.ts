import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDb, openStore } from '@sophia/kit';
import { KPI_STORE } from '@sophia/kpi/store';
import { MEMORY_STORE } from '@sophia/memory/store';
import { PROJECT_STORE } from '@sophia/project/store';
import { SALES_STORE } from '@sophia/sales/store';
import { importFile } from '../src/import/import-file.ts';
import { IMPORT_KINDS } from '../src/import/kinds/index.ts';
import { SAMPLE_COUNTS, sample } from './import-samples.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sophia-import-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function count(dataDir: string, store: typeof SALES_STORE, sql: string): Promise<number> {
  const { db } = await openStore({ ...store, dataDir });
  try {
    const [row] = await db.query<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM (${sql})`);
    return row?.n ?? 0;
  } finally {
    await db.close();
  }
}

async function importSamples(dataDir: string): Promise<void> {
  for (const kind of IMPORT_KINDS) {
    const result = await importFile({ dataDir, kind: kind.name, file: sample(kind.name) });
    expect(result.problems, kind.name).toEqual([]);
    expect(result.written).toBe(true);
  }
}

/** A new data dir holding the sample files of `kinds`, imported in that order. */
async function dataDirWith(...kinds: string[]): Promise<string> {
  const dataDir = newDir();
  for (const kind of kinds) await importFile({ dataDir, kind, file: sample(kind) });
  return dataDir;
}

describe('npm run import', () => {
  it('loads every sample file into an empty data dir, exactly, and a second run changes nothing', async () => {
    const dataDir = newDir();
    await importSamples(dataDir);
    const counts = async () => ({
      people: await count(dataDir, PROJECT_STORE, 'SELECT * FROM users'),
      milestones: await count(dataDir, PROJECT_STORE, 'SELECT * FROM milestones'),
      keyResults: await count(dataDir, PROJECT_STORE, 'SELECT * FROM key_results'),
      deals: await count(dataDir, SALES_STORE, 'SELECT * FROM deals'),
      stages: await count(dataDir, SALES_STORE, 'SELECT * FROM deal_stage_changes'),
      facts: await count(dataDir, KPI_STORE, 'SELECT * FROM daily_facts'),
      documents: await count(dataDir, MEMORY_STORE, 'SELECT DISTINCT source_id FROM memories'),
      directory: await count(dataDir, MEMORY_STORE, 'SELECT * FROM directory'),
    });
    const first = await counts();
    expect(first).toEqual(SAMPLE_COUNTS);
    const won = await count(
      dataDir,
      SALES_STORE,
      "SELECT * FROM deals WHERE status = 'WON' AND close_date BETWEEN DATE '2026-07-01' AND DATE '2026-09-30'",
    );
    expect(won).toBe(2);
    const { db: sales } = await openStore({ ...SALES_STORE, dataDir });
    const history = await sales.query<{ stage: string }>(
      "SELECT stage FROM deal_stage_changes WHERE deal_id = 'd-1' ORDER BY position",
    );
    await sales.close();
    expect(history.map((change) => change.stage)).toEqual(['PROSPECTING', 'PROPOSAL', 'CLOSED_WON']);
    const { db, meta, clock } = await openStore({ ...KPI_STORE, dataDir });
    const [bookings] = await db.query<{ total: number }>(
      "SELECT SUM(value) AS total FROM daily_facts WHERE fact = 'new_bookings' AND date BETWEEN '2026-07-01' AND '2026-09-30'",
    );
    await db.close();
    expect(bookings?.total).toBe(138_000);
    expect(meta['data']).toBe('imported');
    expect(clock.today()).toBe(new Date().toISOString().slice(0, 10));

    await importSamples(dataDir);
    expect(await counts()).toEqual(first);
  });

  it('refuses a bad file with every problem listed, by line and column, and writes nothing', async () => {
    const dataDir = await dataDirWith('teams', 'people', 'accounts');
    // No `type` column; row 37 has an amount that is not a number; row 12 names an owner nobody knows.
    const lines = ['id,name,account_id,owner_id,amount,stage,created_at,close_date'];
    for (let row = 1; row <= 40; row++) {
      const amount = row === 37 ? 'forty thousand' : String(1000 * row);
      const owner = row === 12 ? 'p-ghost' : 'p-ae1';
      lines.push(`d-${row},Deal ${row},a-100,${owner},${amount},PROPOSAL,2026-08-01,2026-12-01`);
    }
    const file = join(dataDir, 'bad-deals.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await importFile({ dataDir, kind: 'deals', file });
    expect(result.written).toBe(false);
    expect(result.problems).toEqual([
      expect.stringMatching(/^missing column type /),
      'line 38: amount must be a number, not "forty thousand"',
      'line 13: owner_id "p-ghost" is no known people id (import people first)',
    ]);
    // With the column there, the same file's other problems are still refused, every one.
    writeFileSync(
      file,
      `${lines.map((line, i) => `${line},${i === 0 ? 'type' : 'NEW_BUSINESS'}`).join('\n')}\n`,
    );
    const again = await importFile({ dataDir, kind: 'deals', file });
    expect(again.problems).toEqual([
      'line 38: amount must be a number, not "forty thousand"',
      'line 13: owner_id "p-ghost" is no known people id (import people first)',
    ]);
    expect(await count(dataDir, SALES_STORE, 'SELECT * FROM deals')).toBe(0);
  });

  it('refuses a key given twice, and a JSON Lines value of the wrong type on any line', async () => {
    const dataDir = newDir();
    const facts = join(dataDir, 'facts.csv');
    writeFileSync(
      facts,
      'date,fact,value\n2026-07-01,revenue,1\n2026-07-02,revenue,2\n"2026-07-01",revenue,3\n',
    );
    expect((await importFile({ dataDir, kind: 'facts', file: facts })).problems).toEqual([
      'line 4: the same facts as line 2 (revenue 2026-07-01)',
    ]);
    // DuckDB types a JSON column from the first 20,480 lines it samples; the import reads every value as written.
    const lines = Array.from({ length: 25_000 }, (_, i) => ({
      date: '2026-07-01',
      fact: `f_${i}`,
      value: i,
    }));
    lines[24_000] = { ...lines[24_000]!, value: 'lots' as unknown as number };
    const jsonl = join(dataDir, 'facts.jsonl');
    writeFileSync(jsonl, lines.map((line) => JSON.stringify(line)).join('\n'));
    expect((await importFile({ dataDir, kind: 'facts', file: jsonl })).problems).toEqual([
      'line 24001: value must be a number, not "lots"',
    ]);
    expect(await count(dataDir, KPI_STORE, 'SELECT * FROM daily_facts')).toBe(0);
  });

  it('moves a known deal to another account without losing its stage history', async () => {
    const dataDir = await dataDirWith('teams', 'people', 'accounts', 'deals', 'deal-stages');
    const history = "SELECT * FROM deal_stage_changes WHERE deal_id = 'd-1'";
    const before = await count(dataDir, SALES_STORE, history);
    expect(before).toBeGreaterThan(0);
    const moved = join(dataDir, 'moved-deals.csv');
    const [header, ...lines] = readFileSync(sample('deals'), 'utf8').trim().split('\n');
    writeFileSync(
      moved,
      [header, ...lines.map((line) => line.replace(/^d-1,(.*?),a-100,/, 'd-1,$1,a-101,'))].join('\n'),
    );
    expect((await importFile({ dataDir, kind: 'deals', file: moved })).written).toBe(true);
    expect(
      await count(dataDir, SALES_STORE, "SELECT * FROM deals WHERE id = 'd-1' AND account_id = 'a-101'"),
    ).toBe(1);
    expect(await count(dataDir, SALES_STORE, history)).toBe(before);
    expect(await count(dataDir, SALES_STORE, 'SELECT * FROM deals')).toBe(6);
  });

  it('replaces the stage history of each deal a file names, oldest first whatever the file’s order', async () => {
    const dataDir = await dataDirWith('teams', 'people', 'accounts', 'deals', 'deal-stages');
    const others = "SELECT * FROM deal_stage_changes WHERE deal_id <> 'd-1'";
    const before = await count(dataDir, SALES_STORE, others);
    const file = join(dataDir, 'history.csv');
    writeFileSync(
      file,
      'deal_id,stage,entered_at\nd-1,CLOSED_LOST,2026-08-02\nd-1,QUALIFICATION,2026-05-03\n',
    );
    expect((await importFile({ dataDir, kind: 'deal-stages', file })).written).toBe(true);
    const { db } = await openStore({ ...SALES_STORE, dataDir });
    const history = await db.query<{ position: number; stage: string }>(
      "SELECT position, stage FROM deal_stage_changes WHERE deal_id = 'd-1' ORDER BY position",
    );
    await db.close();
    expect(history).toEqual([
      { position: 0, stage: 'QUALIFICATION' },
      { position: 1, stage: 'CLOSED_LOST' },
    ]);
    expect(await count(dataDir, SALES_STORE, others)).toBe(before);
  });

  it('checks without writing on --dry-run, and reads JSON Lines and Parquet alike', async () => {
    const dataDir = await dataDirWith('teams', 'people', 'accounts');
    const dry = await importFile({ dataDir, kind: 'deals', file: sample('deals'), dryRun: true });
    expect(dry).toMatchObject({ rows: 6, problems: [], written: false });
    expect(await count(dataDir, SALES_STORE, 'SELECT * FROM deals')).toBe(0);

    const parquet = join(dataDir, 'deals.parquet');
    const db = await DuckDb.open(dataDir, ':memory:');
    await db.run(
      `COPY (SELECT * FROM read_csv('${sample('deals')}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    );
    await db.close();
    expect((await importFile({ dataDir, kind: 'deals', file: parquet })).written).toBe(true);
    expect(await count(dataDir, SALES_STORE, 'SELECT * FROM deals')).toBe(6);
  });

  it('never mixes a company’s data into the demo company', async () => {
    const dataDir = newDir();
    await seedDemo({ dataDir, anchor: '2026-11-24', only: ['project'] });
    await expect(importFile({ dataDir, kind: 'teams', file: sample('teams') })).rejects.toThrow(
      /holds the demo company/,
    );
    await expect(
      seedDemo({ dataDir: newDir(), anchor: '2026-11-24', only: ['project'] }),
    ).resolves.toMatchObject({
      seeded: ['project'],
    });
  });
});
