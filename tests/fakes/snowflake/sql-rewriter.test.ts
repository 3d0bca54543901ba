import { describe, expect, it } from 'vitest';
import { rewriteSql, type RewriteContext } from './sql-rewriter.ts';
import { splitStatements } from './sql-tokens.ts';

/** The FAKE's Snowflake → DuckDB rewrite, token by token. */
const context: RewriteContext = {
  streamQuery: (name) => (name === 'CHANGES' ? 'SELECT 1 AS X' : undefined),
  streamHasData: (name) => (name === 'CHANGES' ? 'TRUE' : undefined),
  databases: new Set(['SOPHIA']),
};
const rewrite = (sql: string) => rewriteSql(sql, context).sql;

describe('rewriteSql', () => {
  it('maps Snowflake types in column definitions and casts, keeping VECTOR 32-bit and FLOAT 64-bit', () => {
    expect(
      rewrite(
        'CREATE TABLE t (id NUMBER, n NUMBER(10,2), x FLOAT, v VARIANT, a ARRAY, ts TIMESTAMP_NTZ, e VECTOR(FLOAT, 768))',
      ),
    ).toBe(
      'CREATE TABLE T ( ID DECIMAL(38,0) , N DECIMAL(10,2) , X DOUBLE , V VARIANT , A JSON , TS TIMESTAMP , E FLOAT[768] )',
    );
    expect(rewrite('ALTER TABLE t ADD COLUMN IF NOT EXISTS ts TIMESTAMP_NTZ')).toBe(
      'ALTER TABLE T ADD COLUMN IF NOT EXISTS TS TIMESTAMP',
    );
    expect(rewrite('SELECT PARSE_JSON(?)::ARRAY::VECTOR(FLOAT, 3)')).toBe(
      'SELECT json(?) :: JSON :: FLOAT[3]',
    );
  });

  it('leaves literals, $$ bodies and quoted identifiers alone, and folds bare identifiers to upper case', () => {
    expect(rewrite(`SELECT "MixedCase", 'variant ; ::ARRAY', $$ number $$ FROM tbl`)).toBe(
      `SELECT "MixedCase" , 'variant ; ::ARRAY' , $$ number $$ FROM TBL`,
    );
  });

  it('turns :N binds into $N and renames vector functions', () => {
    expect(rewrite('SELECT VECTOR_COSINE_SIMILARITY(a, b) FROM t WHERE id = :2 AND k = :1')).toBe(
      'SELECT array_cosine_similarity(A , B) FROM T WHERE ID = $2 AND K = $1',
    );
  });

  it('replaces a stream with its change set and reports that the statement reads it', () => {
    const rewritten = rewriteSql(
      'INSERT INTO q SELECT METADATA$ACTION FROM sophia.public.changes WHERE TRUE',
      context,
    );
    expect(rewritten.sql).toBe(
      'INSERT INTO Q SELECT "METADATA$ACTION" FROM (SELECT 1 AS X) AS "CHANGES" WHERE TRUE',
    );
    expect(rewritten.streams).toEqual(['CHANGES']);
  });

  it('strips the target qualifier from MERGE … UPDATE SET only', () => {
    expect(
      rewrite('MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.a = s.a, t.b = 1'),
    ).toBe('MERGE INTO T USING S ON T . ID = S . ID WHEN MATCHED THEN UPDATE SET A = S . A , B = 1');
  });
});

describe('semi-structured paths', () => {
  it('reads v:a.b[0] as JSON, and as text before a cast', () => {
    expect(rewrite("SELECT meta:source, t.meta:tags[0]::STRING FROM t WHERE meta:owner.Name = 'x'")).toBe(
      "SELECT json_extract(CAST(META AS JSON), '$.source') , json_extract_string(CAST(T.META AS JSON), '$.tags[0]') :: VARCHAR FROM T WHERE json_extract(CAST(META AS JSON), '$.owner.Name') = 'x'",
    );
  });
});

describe('splitStatements', () => {
  it('splits on top-level semicolons only', () => {
    expect(
      splitStatements("SELECT ';'; -- a; comment\nCREATE FUNCTION f() RETURNS INT AS $$ SELECT 1; $$;;"),
    ).toEqual(["SELECT ';'", '-- a; comment\nCREATE FUNCTION f() RETURNS INT AS $$ SELECT 1; $$']);
  });
});
