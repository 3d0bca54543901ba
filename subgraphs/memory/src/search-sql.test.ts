import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDb } from '@sophia/kit';
import { BM25_B, BM25_K1, bm25Sql } from './search-sql.ts';
import { termFrequencies } from './tokenize.ts';

const DOCS: Record<string, string> = {
  m1: 'Kestrel Health renewal at risk: budget freeze, renewal decision moved to January.',
  m2: 'Quarterly board deck: bookings ahead of plan, churn down.',
  m3: 'Renewal playbook for mid-market accounts.',
  m4: 'Hiring plan for engineering.',
};

/** The documented formula, computed directly. */
function expectedScores(terms: string[]): Map<string, number> {
  const docs = Object.entries(DOCS).map(([id, text]) => ({ id, tf: termFrequencies(text) }));
  const length = (tf: Map<string, number>) => [...tf.values()].reduce((a, b) => a + b, 0);
  const avgdl = docs.reduce((sum, doc) => sum + length(doc.tf), 0) / docs.length;
  const idf = (term: string) => {
    const df = docs.filter((doc) => doc.tf.has(term)).length;
    return Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
  };
  const best = terms.reduce((sum, term) => sum + idf(term) * (BM25_K1 + 1), 0);
  const scores = new Map<string, number>();
  for (const doc of docs) {
    let bm25 = 0;
    for (const term of terms) {
      const tf = doc.tf.get(term) ?? 0;
      bm25 +=
        (idf(term) * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * length(doc.tf)) / avgdl));
    }
    if (bm25 > 0) scores.set(doc.id, bm25 / best);
  }
  return scores;
}

describe('bm25Sql', () => {
  let db: DuckDb;
  beforeAll(async () => {
    db = await DuckDb.open('.', ':memory:');
    await db.run('CREATE TABLE memories (id VARCHAR, term_count INTEGER)');
    await db.run('CREATE TABLE memory_terms (memory_id VARCHAR, term VARCHAR, tf INTEGER)');
    for (const [id, text] of Object.entries(DOCS)) {
      const tf = termFrequencies(text);
      await db.insertRows('memories', [{ id, term_count: [...tf.values()].reduce((a, b) => a + b, 0) }]);
      await db.insertRows(
        'memory_terms',
        [...tf].map(([term, count]) => ({ memory_id: id, term, tf: count })),
      );
    }
  });
  afterAll(() => db.close());

  const run = async (terms: string[]) => {
    const query = bm25Sql({ sql: 'SELECT id, term_count FROM memories', params: [] }, terms);
    const rows = await db.query<{ memory_id: string; score: number }>(
      `${query.sql} ORDER BY score DESC, memory_id`,
      query.params,
    );
    return new Map(rows.map((row) => [row.memory_id, row.score]));
  };

  it('computes the documented formula', async () => {
    for (const terms of [['renewal', 'risk'], ['renewal'], ['churn', 'booking', 'nowhere']]) {
      const actual = await run(terms);
      const expected = expectedScores(terms);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [id, score] of expected) expect(actual.get(id)).toBeCloseTo(score, 10);
    }
  });

  it('ranks the memory that covers more of the query first, with scores in 0..1', async () => {
    const scores = [...(await run(['renewal', 'risk', 'budget']))];
    expect(scores[0]?.[0]).toBe('m1');
    expect(scores.map(([id]) => id)).toEqual(['m1', 'm3']);
    for (const [, score] of scores) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThan(1);
    }
  });
});
