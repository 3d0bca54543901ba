import { describe, expect, it } from 'vitest';
import { DuckDb } from './duckdb.ts';

describe('the DuckDB connection pool', () => {
  it('opens more connections as transactions hold them, so eight at once all run side by side', async () => {
    const db = await DuckDb.open('.', ':memory:');
    try {
      await db.run('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
      // Each transaction waits, holding its connection, until all eight have begun: a pool that could not
      // grow past the connections it opened with would never let the last ones begin.
      let begun = 0;
      let allBegun!: () => void;
      const barrier = new Promise<void>((resolve) => (allBegun = resolve));
      const writes = Array.from({ length: 8 }, (_, id) =>
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO notes (id) VALUES (?)', [id]);
          if (++begun === 8) allBegun();
          await barrier;
        }),
      );
      await Promise.all(writes);
      expect(await db.query('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM notes')).toEqual([{ n: 8 }]);
    } finally {
      await db.close();
    }
  });
});
