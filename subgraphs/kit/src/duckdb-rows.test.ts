import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { rowObjectsJson } from './duckdb-rows.ts';

describe('rows read from a materialized DuckDB result on the calling thread', () => {
  it('are exactly what the library reader gives, over several chunks and every kind of value', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      // 5,000 rows span three of DuckDB's 2,048-row chunks; the columns cover the conversions stores rely on.
      const sql = `SELECT i AS id, 'row ' || i AS label, CAST(i AS BIGINT) * 1000000000 AS big,
          DATE '2026-01-01' + CAST(i % 365 AS INTEGER) AS day, TIMESTAMP '2026-01-01 08:30:00' AS at,
          CASE WHEN i % 7 = 0 THEN NULL ELSE i / 3.0 END AS ratio, [i, i + 1] AS pair,
          {'k': i} AS record, i AS id
        FROM range(5000) t(i)`;
      const expected = (await connection.runAndReadAll(sql)).getRowObjectsJson();
      const rows = rowObjectsJson<Record<string, unknown>>(await connection.run(sql));
      expect(rows).toHaveLength(5000);
      expect(rows).toEqual(expected);
      // The duplicate column name is told apart as the reader does.
      expect(Object.keys(rows[4999]!)).toEqual(Object.keys(expected[4999]!));
      expect(rows[4999]).toMatchObject({ label: 'row 4999', big: '4999000000000', day: '2026-09-12' });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('is empty for a result without rows', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      expect(rowObjectsJson(await connection.run('SELECT 1 AS one WHERE false'))).toEqual([]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
