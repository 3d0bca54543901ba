import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDb } from '../duckdb.ts';
import { upsertSelectSql } from './upsert-select.ts';

describe('upsertSelectSql', () => {
  let db: DuckDb;
  beforeAll(async () => {
    db = await DuckDb.open('.', ':memory:');
    await db.run(
      'CREATE TABLE facts (fact VARCHAR, day DATE, value DOUBLE, note VARCHAR, PRIMARY KEY (fact, day))',
    );
    await db.run(
      "INSERT INTO facts VALUES ('arr', DATE '2026-01-01', 1, 'kept'), ('arr', DATE '2026-01-02', 2, 'kept')",
    );
  });
  afterAll(() => db.close());

  it('on DuckDB, updates the rows whose key is there and inserts the others, in one statement', async () => {
    await db.run(
      upsertSelectSql('duckdb', {
        table: 'facts',
        columns: ['fact', 'day', 'value', 'note'],
        key: ['fact', 'day'],
        update: ['value'],
        source: `(SELECT 'arr' AS fact, DATE '2026-01-02' + CAST(i AS INTEGER) AS day, 10.0 + i AS value, 'new' AS note FROM range(2) t(i))`,
      }),
    );
    expect(await db.query('SELECT fact, day, value, note FROM facts ORDER BY day')).toEqual([
      { fact: 'arr', day: '2026-01-01', value: 1, note: 'kept' },
      { fact: 'arr', day: '2026-01-02', value: 10, note: 'kept' },
      { fact: 'arr', day: '2026-01-03', value: 11, note: 'new' },
    ]);
  });

  it('on Snowflake, is a MERGE on the key (Snowflake has no ON CONFLICT)', () => {
    const sql = upsertSelectSql('snowflake', {
      table: 'facts',
      columns: ['fact', 'day', 'value'],
      key: ['fact', 'day'],
      source: 'staged',
    });
    expect(sql).toBe(
      'MERGE INTO facts t USING (SELECT fact, day, value FROM staged) s ON t.fact = s.fact AND t.day = s.day ' +
        'WHEN MATCHED THEN UPDATE SET value = s.value ' +
        'WHEN NOT MATCHED THEN INSERT (fact, day, value) VALUES (s.fact, s.day, s.value)',
    );
  });

  it('refuses names that are not plain identifiers, and keys it does not write', () => {
    const upsert = { table: 'facts', columns: ['fact'], key: ['fact'], source: 's' };
    expect(() => upsertSelectSql('duckdb', { ...upsert, table: 'facts; DROP TABLE x' })).toThrow(TypeError);
    expect(() => upsertSelectSql('duckdb', { ...upsert, key: ['day'] })).toThrow(TypeError);
  });
});
