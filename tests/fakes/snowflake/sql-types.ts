import { isWord, matchingParen, type Token } from './sql-tokens.ts';

/**
 * Snowflake data types → DuckDB types for the FAKE. Snowflake's FLOAT/DOUBLE/REAL are all 64-bit and its
 * integer names are NUMBER(38,0), so they widen; VECTOR(FLOAT, n) stays 32-bit as in Snowflake.
 * VARIANT becomes DuckDB's own VARIANT, which keeps what was written as Snowflake does: a VARCHAR (a bound
 * text) stays a string and only parsed JSON (`PARSE_JSON`, `OBJECT_CONSTRUCT`) becomes an object or array.
 * OBJECT and ARRAY become DuckDB JSON. The result encoder reports all three as `variant`.
 */
const SIMPLE_TYPES: Readonly<Record<string, string>> = {
  VARIANT: 'VARIANT',
  OBJECT: 'JSON',
  ARRAY: 'JSON',
  TIMESTAMP_NTZ: 'TIMESTAMP',
  DATETIME: 'TIMESTAMP',
  TIMESTAMP: 'TIMESTAMP',
  TIMESTAMP_LTZ: 'TIMESTAMPTZ',
  TIMESTAMP_TZ: 'TIMESTAMPTZ',
  STRING: 'VARCHAR',
  TEXT: 'VARCHAR',
  VARCHAR: 'VARCHAR',
  CHAR: 'VARCHAR',
  CHARACTER: 'VARCHAR',
  NCHAR: 'VARCHAR',
  NVARCHAR: 'VARCHAR',
  BINARY: 'BLOB',
  VARBINARY: 'BLOB',
  INT: 'BIGINT',
  INTEGER: 'BIGINT',
  BIGINT: 'BIGINT',
  SMALLINT: 'BIGINT',
  TINYINT: 'BIGINT',
  BYTEINT: 'BIGINT',
  FLOAT: 'DOUBLE',
  FLOAT4: 'DOUBLE',
  FLOAT8: 'DOUBLE',
  DOUBLE: 'DOUBLE',
  REAL: 'DOUBLE',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIME: 'TIME',
};

const DECIMAL_TYPES = new Set(['NUMBER', 'NUMERIC', 'DECIMAL']);
const VECTOR_ELEMENT: Readonly<Record<string, string>> = { FLOAT: 'FLOAT', INT: 'INTEGER' };

export function isTypeName(token: Token | undefined): boolean {
  if (token?.kind !== 'word') return false;
  const word = token.text.toUpperCase();
  return word in SIMPLE_TYPES || DECIMAL_TYPES.has(word) || word === 'VECTOR';
}

/**
 * Rewrites the type starting at `tokens[start]`; returns the DuckDB type text and the index after the
 * Snowflake type (its arguments included), or undefined when no type starts there.
 */
export function rewriteType(
  tokens: readonly Token[],
  start: number,
): { text: string; next: number } | undefined {
  const token = tokens[start];
  if (!isTypeName(token)) return undefined;
  const word = token!.text.toUpperCase();
  const hasArgs = tokens[start + 1]?.text === '(';
  const close = hasArgs ? matchingParen(tokens, start + 1) : start;
  const args = hasArgs ? tokens.slice(start + 2, close).filter((t) => t.text !== ',') : [];
  if (word === 'VECTOR') {
    const element = VECTOR_ELEMENT[args[0]?.text.toUpperCase() ?? ''];
    const size = args[1]?.text;
    if (!element || !size) return undefined;
    return { text: `${element}[${size}]`, next: close + 1 };
  }
  if (DECIMAL_TYPES.has(word)) {
    const [precision = '38', scale = '0'] = args.map((t) => t.text);
    return { text: `DECIMAL(${precision},${scale})`, next: close + 1 };
  }
  // DOUBLE PRECISION is one type in two words.
  if (word === 'DOUBLE' && isWord(tokens[start + 1], 'PRECISION')) return { text: 'DOUBLE', next: start + 2 };
  // Length and precision arguments (VARCHAR(100), TIMESTAMP_NTZ(9)) are dropped: DuckDB ignores or rejects them.
  return { text: SIMPLE_TYPES[word]!, next: close + 1 };
}
