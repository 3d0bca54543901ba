import { compilationError } from './errors.ts';
import { identifierName, isWord, matchingParen, splitArguments, type Token } from './sql-tokens.ts';

/**
 * Snowflake DDL the FAKE takes apart before DuckDB sees it: CREATE TABLE (constraints Snowflake records but
 * does not enforce, AUTOINCREMENT), CREATE FUNCTION (SQL UDFs become DuckDB macros), CREATE STREAM and
 * CREATE TASK (kept by the FAKE itself).
 */
const text = (tokens: readonly Token[]) => tokens.map((t) => t.text).join(' ');

/** Index after `CREATE [OR REPLACE] [modifiers…] <kind>`; -1 when `kind` is not what is created. */
export function createdKind(tokens: readonly Token[], kind: string): number {
  if (!isWord(tokens[0], 'CREATE')) return -1;
  for (let i = 1; i < Math.min(tokens.length, 6); i++) {
    if (isWord(tokens[i], kind)) return i + 1;
    if (
      !isWord(
        tokens[i],
        'OR',
        'REPLACE',
        'SECURE',
        'TRANSIENT',
        'TEMPORARY',
        'TEMP',
        'LOCAL',
        'GLOBAL',
        'VOLATILE',
      )
    )
      return -1;
  }
  return -1;
}

export const replaces = (tokens: readonly Token[]) => isWord(tokens[2], 'REPLACE');

/** Reads `[IF NOT EXISTS] a.b.c` at `start`; returns the name as written and the index after it. */
export function objectName(
  tokens: readonly Token[],
  start: number,
): { name: string; ifNotExists: boolean; next: number } {
  let i = start;
  const ifNotExists =
    isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'NOT') && isWord(tokens[i + 2], 'EXISTS');
  if (ifNotExists) i += 3;
  const parts = [tokens[i]!.text];
  while (tokens[i + 1]?.text === '.' && tokens[i + 2]) {
    parts.push(tokens[i + 2]!.text);
    i += 2;
  }
  return { name: parts.join('.'), ifNotExists, next: i + 1 };
}

export interface CreateTable {
  /** The statement without constraints and table options, still in Snowflake SQL. */
  sql: string;
  /** Statements to run first (sequences behind AUTOINCREMENT). */
  before: string[];
  table: string;
  primaryKey: string[];
}

/** CREATE TABLE with its PRIMARY KEY / UNIQUE / FOREIGN KEY removed (Snowflake accepts but never enforces them). */
export function createTable(tokens: readonly Token[]): CreateTable | undefined {
  const after = createdKind(tokens, 'TABLE');
  if (after < 0) return undefined;
  const { name, next } = objectName(tokens, after);
  const head = tokens.slice(0, next).filter((t) => !isWord(t, 'TRANSIENT', 'VOLATILE', 'LOCAL', 'GLOBAL'));
  if (tokens[next]?.text !== '(') {
    // CREATE TABLE … AS SELECT / LIKE / CLONE: nothing to strip.
    return { sql: text(tokens), before: [], table: name, primaryKey: [] };
  }
  const close = matchingParen(tokens, next);
  const primaryKey: string[] = [];
  const before: string[] = [];
  const definitions = splitArguments(tokens.slice(next + 1, close)).flatMap((definition) => {
    let def = definition;
    if (isWord(def[0], 'CONSTRAINT')) def = def.slice(2);
    if (isWord(def[0], 'PRIMARY')) {
      primaryKey.push(...columnList(def, 2));
      return [];
    }
    if (isWord(def[0], 'UNIQUE', 'FOREIGN')) return [];
    const column = identifierName(def[0]!);
    const kept: Token[] = [];
    for (let i = 0; i < def.length; i++) {
      const token = def[i]!;
      if (isWord(token, 'CONSTRAINT')) i++;
      else if (isWord(token, 'PRIMARY') && isWord(def[i + 1], 'KEY')) {
        primaryKey.push(column);
        i++;
      } else if (isWord(token, 'UNIQUE')) continue;
      else if (isWord(token, 'REFERENCES')) i = skipReference(def, i);
      else if (isWord(token, 'COMMENT')) i += def[i + 1]?.text === '=' ? 2 : 1;
      else if (isWord(token, 'AUTOINCREMENT', 'IDENTITY')) {
        const sequence = `"__SEQ_${name.replaceAll(/[".]/g, '_').toUpperCase()}_${column}"`;
        before.push(`CREATE SEQUENCE IF NOT EXISTS ${sequence}`);
        kept.push({ kind: 'word', text: `DEFAULT nextval('${sequence.replaceAll('"', '')}')` });
        if (def[i + 1]?.text === '(') i = matchingParen(def, i + 1);
        while (isWord(def[i + 1], 'START', 'INCREMENT', 'ORDER', 'NOORDER'))
          i += isWord(def[i + 1], 'ORDER', 'NOORDER') ? 1 : 2;
      } else kept.push(token);
    }
    return [kept];
  });
  // Table options after the column list (CLUSTER BY, COMMENT =, CHANGE_TRACKING = …) mean nothing here.
  const sql = `${text(head)} ( ${definitions.map(text).join(' , ')} )`;
  return { sql, before, table: name, primaryKey };
}

function columnList(def: readonly Token[], open: number): string[] {
  if (def[open]?.text !== '(') return [];
  return splitArguments(def.slice(open + 1, matchingParen(def, open))).map((arg) => identifierName(arg[0]!));
}

function skipReference(def: readonly Token[], i: number): number {
  let j = i + 1;
  while (def[j + 1]?.text === '.') j += 2;
  return def[j + 1]?.text === '(' ? matchingParen(def, j + 1) : j;
}

export interface CreateFunction {
  name: string;
  parameters: string[];
  returnsTable: boolean;
  /** The body, still in Snowflake SQL. */
  body: string;
}

/** A SQL UDF or UDTF: `CREATE FUNCTION f(a T, …) RETURNS T | TABLE (…) … AS $$ body $$`. */
export function createFunction(tokens: readonly Token[]): CreateFunction | undefined {
  const after = createdKind(tokens, 'FUNCTION');
  if (after < 0) return undefined;
  const { name, next } = objectName(tokens, after);
  if (tokens[next]?.text !== '(') throw compilationError('function arguments expected');
  const close = matchingParen(tokens, next);
  const parameters = splitArguments(tokens.slice(next + 1, close))
    .filter((arg) => arg.length > 0)
    .map((arg) => identifierName(arg[0]!));
  const returnsTable = isWord(tokens[close + 1], 'RETURNS') && isWord(tokens[close + 2], 'TABLE');
  const bodyToken = tokens.findLast(
    (t, i) => i > close && (t.kind === 'dollar' || t.kind === 'string') && isWord(tokens[i - 1], 'AS'),
  );
  if (!bodyToken) throw compilationError('function body expected after AS');
  if (tokens.some((t, i) => isWord(t, 'LANGUAGE') && !isWord(tokens[i + 1], 'SQL'))) {
    throw compilationError('the FAKE runs SQL functions only (LANGUAGE SQL)');
  }
  const body =
    bodyToken.kind === 'dollar'
      ? bodyToken.text.slice(2, -2)
      : bodyToken.text.slice(1, -1).replaceAll("''", "'");
  return { name, parameters, returnsTable, body };
}

export interface CreateStream {
  name: string;
  table: string;
  replace: boolean;
  ifNotExists: boolean;
}

export function createStream(tokens: readonly Token[]): CreateStream | undefined {
  const after = createdKind(tokens, 'STREAM');
  if (after < 0) return undefined;
  const { name, ifNotExists, next } = objectName(tokens, after);
  if (!isWord(tokens[next], 'ON') || !isWord(tokens[next + 1], 'TABLE')) {
    throw compilationError('the FAKE supports streams ON TABLE only');
  }
  if (tokens.some((t, i) => isWord(t, 'APPEND_ONLY', 'INSERT_ONLY') && isWord(tokens[i + 2], 'TRUE'))) {
    throw compilationError('the FAKE supports standard (delta) streams only');
  }
  return { name, table: objectName(tokens, next + 2).name, replace: replaces(tokens), ifNotExists };
}

export interface CreateTask {
  name: string;
  when: string | undefined;
  body: string;
  replace: boolean;
}

export function createTask(tokens: readonly Token[]): CreateTask | undefined {
  const after = createdKind(tokens, 'TASK');
  if (after < 0) return undefined;
  const { name, next } = objectName(tokens, after);
  let depth = 0;
  let whenAt = -1;
  for (let i = next; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text === '(') depth++;
    if (t.text === ')') depth--;
    if (depth === 0 && isWord(t, 'WHEN') && whenAt < 0) whenAt = i;
    if (depth === 0 && isWord(t, 'AS')) {
      return {
        name,
        when: whenAt >= 0 ? text(tokens.slice(whenAt + 1, i)) : undefined,
        body: text(tokens.slice(i + 1)),
        replace: replaces(tokens),
      };
    }
  }
  throw compilationError('task body expected after AS');
}
