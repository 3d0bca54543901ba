import type { SqlParam } from '@sophia/kit';

/** BM25 parameters (Robertson & Zaragoza's usual values): term-frequency saturation and length normalisation. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/**
 * Lexical relevance of the memories in `corpus` (a query yielding `id, term_count`) to `terms`, in DuckDB:
 *
 *   bm25(d)  = Σ_{t ∈ q ∩ d} idf(t) · tf(t,d) · (k1 + 1) / (tf(t,d) + k1 · (1 − b + b · |d| / avgdl))
 *   idf(t)   = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))
 *   score(d) = bm25(d) / Σ_{t ∈ q} idf(t) · (k1 + 1)
 *
 * N, df and avgdl are counted over the corpus (what the viewer may see, narrowed by the filter), so nobody's
 * private words shape anyone else's scores. The divisor is the bound bm25 approaches when every query term
 * is frequent in d, so scores lie in 0..1 and say how much of the query a memory covers; a query term that
 * occurs nowhere still counts in the divisor. Yields `memory_id, score` for memories matching at least one term.
 */
export function bm25Sql(corpus: { sql: string; params: SqlParam[] }, terms: readonly string[]) {
  const values = terms.map(() => '(?)').join(', ');
  return {
    sql: `
      WITH corpus AS (${corpus.sql}),
      stats AS (SELECT count(*)::DOUBLE AS n, coalesce(avg(term_count), 0)::DOUBLE AS avgdl FROM corpus),
      query_terms AS (SELECT * FROM (VALUES ${values}) AS q(term)),
      postings AS (
        SELECT t.memory_id, t.term, t.tf, c.term_count
        FROM memory_terms t JOIN corpus c ON c.id = t.memory_id
        WHERE t.term IN (SELECT term FROM query_terms)),
      idf AS (
        SELECT q.term, ln(1 + (s.n - count(p.memory_id) + 0.5) / (count(p.memory_id) + 0.5)) AS idf
        FROM query_terms q CROSS JOIN stats s LEFT JOIN postings p ON p.term = q.term
        GROUP BY q.term, s.n),
      bound AS (SELECT sum(idf) * (${BM25_K1} + 1) AS best FROM idf)
      SELECT p.memory_id,
        sum(i.idf * p.tf * (${BM25_K1} + 1)
          / (p.tf + ${BM25_K1} * (1 - ${BM25_B} + ${BM25_B} * p.term_count / s.avgdl))) / any_value(b.best) AS score
      FROM postings p JOIN idf i ON i.term = p.term CROSS JOIN stats s CROSS JOIN bound b
      GROUP BY p.memory_id`,
    params: [...corpus.params, ...terms] as SqlParam[],
  };
}
