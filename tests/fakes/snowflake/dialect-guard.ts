import { SnowflakeFault } from './errors.ts';
import { isWord, matchingParen, type Token } from './sql-tokens.ts';

/**
 * DuckDB SQL that Snowflake refuses, refused by the FAKE too. The FAKE runs on DuckDB, so without this check
 * a store's DuckDB-only SQL would pass its Snowflake tests and fail on the first real account. Each entry is
 * a mistake a store can make when it shares SQL between the two dialects.
 */
const DUCKDB_ONLY_FUNCTIONS = new Set([
  'STRFTIME',
  'STRPTIME',
  'ARG_MAX',
  'ARG_MIN',
  'STRING_AGG',
  'LIST',
  'EPOCH_MS',
  'JSON_EXTRACT',
  'JSON_EXTRACT_STRING',
  'REGEXP_MATCHES',
]);
/** Functions that build semi-structured values: Snowflake refuses them inside INSERT … VALUES. */
const SEMI_STRUCTURED_BUILDERS = new Set(['PARSE_JSON', 'OBJECT_CONSTRUCT', 'ARRAY_CONSTRUCT', 'TO_VARIANT']);

const syntaxError = (near: string) =>
  new SnowflakeFault('001003', '42000', `SQL compilation error:\nsyntax error unexpected '${near}'.`);

/** Throws Snowflake's error for the first DuckDB-only construct in a statement's meaningful tokens. */
export function refuseDuckDbOnly(tokens: readonly Token[]): void {
  const isInsert = isWord(tokens[0], 'INSERT');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    const word = token.text.toUpperCase();
    const next = tokens[i + 1];
    const call = next?.text === '(' && tokens[i - 1]?.text !== '.';
    if (call && DUCKDB_ONLY_FUNCTIONS.has(word)) {
      throw new SnowflakeFault('002140', '42601', `SQL compilation error:\nUnknown function ${word}`);
    }
    if (word === 'RETURNING') throw syntaxError('RETURNING');
    if (word === 'FILTER' && next?.text === '(' && isWord(tokens[i + 2], 'WHERE')) throw syntaxError('(');
    if (word === 'ON' && isWord(next, 'CONFLICT')) throw syntaxError('CONFLICT');
    if (word === 'OR' && isInsert && i === 1) throw syntaxError('OR');
    if (word === 'JSON' && (tokens[i - 1]?.text === '::' || isColumnType(tokens, i))) {
      throw new SnowflakeFault('002040', '42601', "SQL compilation error:\nUnsupported data type 'JSON'.");
    }
    if (isInsert && word === 'VALUES' && next?.text === '(') refuseBuildersIn(tokens, i + 1);
  }
}

/** `name JSON` in a column list, or `AS JSON` in a cast. */
function isColumnType(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 2]?.text;
  return (
    (tokens[i - 1]?.kind === 'word' && (before === '(' || before === ',')) || isWord(tokens[i - 1], 'AS')
  );
}

function refuseBuildersIn(tokens: readonly Token[], open: number): void {
  // Every row of the VALUES list: `(…), (…)`.
  let at = open;
  while (tokens[at]?.text === '(') {
    const close = matchingParen(tokens, at);
    for (let j = at + 1; j < close; j++) {
      const word = tokens[j]!.kind === 'word' ? tokens[j]!.text.toUpperCase() : '';
      if (SEMI_STRUCTURED_BUILDERS.has(word) && tokens[j + 1]?.text === '(') {
        throw new SnowflakeFault(
          '002014',
          '22000',
          `SQL compilation error:\nInvalid expression [${word}(…)] in VALUES clause`,
        );
      }
    }
    at = tokens[close + 1]?.text === ',' ? close + 2 : -1;
  }
}
