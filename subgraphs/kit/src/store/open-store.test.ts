import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.ts';
import { DuckDb } from '../duckdb.ts';
import type { Migration } from './migrations.ts';
import { openStore, writeMeta, type StoreDefinition } from './open-store.ts';

const NOTES_V1: Migration = {
  version: 1,
  description: 'notes',
  statements: { duckdb: ['CREATE TABLE notes (id VARCHAR PRIMARY KEY, text VARCHAR NOT NULL)'] },
};
const NOTES_V2: Migration = {
  version: 2,
  description: 'notes have an author',
  statements: { duckdb: ["ALTER TABLE notes ADD COLUMN author VARCHAR DEFAULT 'unknown'"] },
};
const store = (migrations: readonly Migration[]): StoreDefinition => ({
  name: 'notes',
  file: 'notes.duckdb',
  migrations,
});

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sophia-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function versions(dataDir: string): Promise<number[]> {
  const db = await DuckDb.open(dataDir, 'notes.duckdb');
  const rows = await db.query<{ version: number }>('SELECT version FROM sophia_migrations ORDER BY version');
  await db.close();
  return rows.map((row) => row.version);
}

describe('openStore', () => {
  it('applies pending migrations in order, records them, and applies nothing the second time', async () => {
    const dataDir = newDir();
    const first = await openStore({ ...store([NOTES_V1]), dataDir });
    expect(first.migrated).toEqual([1]);
    await first.db.run("INSERT INTO notes (id, text) VALUES ('n1', 'kept')");
    await first.db.close();

    const second = await openStore({ ...store([NOTES_V1, NOTES_V2]), dataDir });
    expect(second.migrated).toEqual([2]);
    expect(await second.db.query('SELECT id, text, author FROM notes')).toEqual([
      { id: 'n1', text: 'kept', author: 'unknown' },
    ]);
    await second.db.close();

    const third = await openStore({ ...store([NOTES_V1, NOTES_V2]), dataDir });
    expect(third.migrated).toEqual([]);
    await third.db.close();
    expect(await versions(dataDir)).toEqual([1, 2]);
  });

  it('runs a service store’s queries on one thread each, and an import’s on every core', async () => {
    const threads = async (db: { query<T>(sql: string): Promise<T[]> }) =>
      Number((await db.query<{ t: unknown }>("SELECT current_setting('threads') AS t"))[0]?.t);
    const service = await openStore({ ...store([NOTES_V1]), dataDir: newDir() });
    expect(await threads(service.db)).toBe(1);
    await service.db.close();
    const bulk = await openStore({ ...store([NOTES_V1]), dataDir: newDir(), duckdbThreads: 'all' });
    expect(await threads(bulk.db)).toBe(availableParallelism());
    await bulk.db.close();
  });

  it('rolls a failing migration back whole: nothing of it lands, nothing is recorded', async () => {
    const dataDir = newDir();
    await (await openStore({ ...store([NOTES_V1]), dataDir })).db.close();
    const broken: Migration = {
      version: 2,
      description: 'half a change',
      statements: {
        duckdb: ['CREATE TABLE tags (name VARCHAR)', 'ALTER TABLE nowhere ADD COLUMN x INTEGER'],
      },
    };
    await expect(openStore({ ...store([NOTES_V1, broken]), dataDir })).rejects.toThrow(/nowhere/);
    const db = await DuckDb.open(dataDir, 'notes.duckdb');
    const tables = await db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_name = 'tags'",
    );
    await db.close();
    expect(tables).toEqual([]);
    expect(await versions(dataDir)).toEqual([1]);
  });

  it('refuses migrations numbered out of order and a store newer than the build', async () => {
    const dataDir = newDir();
    await expect(openStore({ ...store([NOTES_V2]), dataDir })).rejects.toThrow(/numbered 2; expected 1/);
    await (await openStore({ ...store([NOTES_V1, NOTES_V2]), dataDir })).db.close();
    await expect(openStore({ ...store([NOTES_V1]), dataDir })).rejects.toThrow(/schema version 2/);
  });

  it('refuses a migration with no statements for the backend’s dialect', async () => {
    const snowflakeOnly: Migration = {
      version: 1,
      description: 'warehouse only',
      statements: { snowflake: [] },
    };
    await expect(openStore({ ...store([snowflakeOnly]), dataDir: newDir() })).rejects.toThrow(/no duckdb/);
  });

  it('seeds an empty store once, as demo data with the anchor’s clock; never over imported data', async () => {
    const dataDir = newDir();
    let loads = 0;
    const seed = async (tx: Parameters<NonNullable<Parameters<typeof openStore>[0]['seed']>>[0]) => {
      loads++;
      await tx.run("INSERT INTO notes (id, text) VALUES ('demo', 'from the seed')");
      return { demoAnchor: '2026-11-24', meta: { currency: 'EUR' } };
    };
    const seeded = await openStore({ ...store([NOTES_V1]), dataDir, seed });
    expect(seeded).toMatchObject({
      seeded: true,
      meta: { data: 'demo', demo_anchor: '2026-11-24', currency: 'EUR' },
    });
    expect(seeded.clock.today()).toBe('2026-11-24');
    await seeded.db.close();
    const again = await openStore({ ...store([NOTES_V1]), dataDir, seed });
    expect(again.seeded).toBe(false);
    expect(loads).toBe(1);
    await again.db.close();

    const plain = await openStore({ ...store([NOTES_V1]), dataDir: newDir() });
    expect(plain.clock).toBe(systemClock);
    await writeMeta(plain.db, { data: 'imported' });
    const importedDir = plain.db.location.replace(/\/notes\.duckdb$/, '');
    await plain.db.close();
    await expect(openStore({ ...store([NOTES_V1]), dataDir: importedDir, seed })).rejects.toThrow(
      /holds imported data/,
    );
  });

  it('adopts a store written before migrations were recorded: migration 1 is not run again, rows stay', async () => {
    const dataDir = newDir();
    const legacy = await DuckDb.open(dataDir, 'notes.duckdb');
    await legacy.run('CREATE TABLE sophia_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)');
    await legacy.run('CREATE TABLE notes (id VARCHAR PRIMARY KEY, text VARCHAR NOT NULL)');
    await legacy.run("INSERT INTO notes VALUES ('n1', 'one'), ('n2', 'two')");
    await legacy.run("INSERT INTO sophia_meta VALUES ('schema_version', '1'), ('anchor', '2026-11-24')");
    await legacy.close();

    const opened = await openStore({ ...store([NOTES_V1, NOTES_V2]), dataDir });
    expect(opened.migrated).toEqual([2]);
    expect(opened.meta).toMatchObject({ data: 'demo', demo_anchor: '2026-11-24' });
    expect(opened.meta['schema_version']).toBeUndefined();
    expect(opened.clock.today()).toBe('2026-11-24');
    expect(await opened.db.query('SELECT id, text FROM notes ORDER BY id')).toEqual([
      { id: 'n1', text: 'one' },
      { id: 'n2', text: 'two' },
    ]);
    await opened.db.close();
    expect(await versions(dataDir)).toEqual([1, 2]);
  });
});
