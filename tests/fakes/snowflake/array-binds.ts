import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { isWord, matchingParen, meaningful, tokenize } from './sql-tokens.ts';

/** Rows per multi-row INSERT when an array bind is run. */
const ROWS_PER_STATEMENT = 500;

/**
 * Runs `INSERT … VALUES (?, …)` for many bind rows as multi-row INSERTs (Snowflake runs an array bind as one
 * statement; DuckDB would otherwise take one round trip per row). Returns the rows inserted, or undefined
 * when the statement is not a single-tuple INSERT with `?` binds (then the caller runs it row by row).
 */
export async function insertArrayBind(
  connection: DuckDBConnection,
  sql: string,
  rows: readonly DuckDBValue[][],
): Promise<number | undefined> {
  const tokens = meaningful(tokenize(sql));
  if (!isWord(tokens[0], 'INSERT') || tokens.some((t) => t.kind === 'bind' && t.text !== '?'))
    return undefined;
  const values = tokens.findLastIndex((t) => isWord(t, 'VALUES'));
  if (
    values < 0 ||
    tokens[values + 1]?.text !== '(' ||
    matchingParen(tokens, values + 1) !== tokens.length - 1
  ) {
    return undefined;
  }
  const head = tokens
    .slice(0, values + 1)
    .map((t) => t.text)
    .join(' ');
  const tuple = tokens
    .slice(values + 1)
    .map((t) => t.text)
    .join(' ');
  let inserted = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const statement = `${head} ${Array.from(chunk, () => tuple).join(', ')}`;
    inserted += (await connection.run(statement, chunk.flat())).rowsChanged;
  }
  return inserted;
}
