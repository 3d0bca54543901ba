import { afterEach, describe, expect, it } from 'vitest';
import { DuckDb } from './duckdb.ts';

describe('prepared statements on DuckDB', () => {
  let db: DuckDb | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  const open = async () => {
    db = await DuckDb.open('', ':memory:');
    await db.run('CREATE TABLE deals (id VARCHAR PRIMARY KEY, amount INTEGER)');
    return db;
  };

  it('answers each call with its own values when one text repeats, concurrently inside one transaction too', async () => {
    const store = await open();
    await store.insertRows('deals', [
      { id: 'a', amount: 1 },
      { id: 'b', amount: 2 },
      { id: 'c', amount: 3 },
    ]);
    const amountOf = 'SELECT amount FROM deals WHERE id = ?';
    for (const [id, amount] of [
      ['a', 1],
      ['b', 2],
      ['a', 1],
    ] as const) {
      expect(await store.query(amountOf, [id])).toEqual([{ amount }]);
    }
    const amounts = await store.transaction((tx) =>
      Promise.all(['c', 'b', 'a', 'c'].map((id) => tx.query<{ amount: number }>(amountOf, [id]))),
    );
    expect(amounts.map(([row]) => row?.amount)).toEqual([3, 2, 1, 3]);
  });

  it('reports a failing statement and runs the same text again afterwards', async () => {
    const store = await open();
    const insert = 'INSERT INTO deals VALUES (?, ?)';
    await store.run(insert, ['a', 1]);
    await expect(store.run(insert, ['a', 2])).rejects.toThrow(/Duplicate key|constraint/i);
    await store.run(insert, ['b', 2]);
    expect(await store.query('SELECT id, amount FROM deals ORDER BY id')).toEqual([
      { id: 'a', amount: 1 },
      { id: 'b', amount: 2 },
    ]);
  });

  it('sees a table changed after a statement was prepared, and runs texts of several statements', async () => {
    const store = await open();
    await store.run('INSERT INTO deals VALUES (?, ?)', ['a', 1]);
    const all = 'SELECT * FROM deals WHERE amount >= ?';
    expect(await store.query(all, [0])).toEqual([{ id: 'a', amount: 1 }]);
    await store.run("ALTER TABLE deals ADD COLUMN stage VARCHAR DEFAULT 'open'");
    expect(await store.query(all, [0])).toEqual([{ id: 'a', amount: 1, stage: 'open' }]);
    const twice = 'UPDATE deals SET amount = amount + 1; SELECT amount FROM deals WHERE id = ?';
    expect(await store.query(twice, ['a'])).toEqual([{ amount: 2 }]);
    expect(await store.query(twice, ['a'])).toEqual([{ amount: 3 }]);
  });
});
