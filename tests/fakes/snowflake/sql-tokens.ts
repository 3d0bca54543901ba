/**
 * A small SQL tokenizer for the FAKE Snowflake: enough to rewrite Snowflake SQL without touching string
 * literals, `$$…$$` bodies, quoted identifiers or comments, and to split multi-statement text.
 */
export type TokenKind =
  'word' | 'quoted' | 'string' | 'dollar' | 'number' | 'bind' | 'space' | 'comment' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
}

const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_$]/;
const DIGIT = /[0-9]/;
const NUMBER = /[0-9]*\.?[0-9]*(?:[eE][+-]?[0-9]+)?/y;
const TWO_CHAR_PUNCT = new Set(['::', '->', '>=', '<=', '<>', '!=', '||', '=>']);

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number) => {
    tokens.push({ kind, text: sql.slice(i, end) });
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1] ?? '';
    if (/\s/.test(c)) {
      let end = i + 1;
      while (end < sql.length && /\s/.test(sql[end]!)) end++;
      push('space', end);
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      push('comment', end === -1 ? sql.length : end);
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      push('comment', end === -1 ? sql.length : end + 2);
    } else if (c === "'") {
      push('string', closingQuote(sql, i, "'"));
    } else if (c === '"') {
      push('quoted', closingQuote(sql, i, '"'));
    } else if (c === '$' && next === '$') {
      const end = sql.indexOf('$$', i + 2);
      push('dollar', end === -1 ? sql.length : end + 2);
    } else if (WORD_START.test(c)) {
      let end = i + 1;
      while (end < sql.length && WORD_PART.test(sql[end]!)) end++;
      push('word', end);
    } else if (DIGIT.test(c) || (c === '.' && DIGIT.test(next))) {
      NUMBER.lastIndex = i;
      push('number', i + Math.max(1, NUMBER.exec(sql)![0].length));
    } else if (c === '?') {
      push('bind', i + 1);
    } else if (c === ':' && DIGIT.test(next) && tokens.at(-1)?.text !== ':') {
      let end = i + 1;
      while (end < sql.length && DIGIT.test(sql[end]!)) end++;
      push('bind', end);
    } else if (TWO_CHAR_PUNCT.has(c + next)) {
      push('punct', i + 2);
    } else {
      push('punct', i + 1);
    }
  }
  return tokens;
}

/** Index just past the closing quote; a doubled quote inside is an escaped quote. */
function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === '\\' && quote === "'") i += 2;
    else if (sql[i] === quote && sql[i + 1] === quote) i += 2;
    else if (sql[i] === quote) return i + 1;
    else i++;
  }
  return sql.length;
}

export const render = (tokens: readonly Token[]): string => tokens.map((t) => t.text).join('');

/** Tokens that carry meaning (no whitespace or comments). */
export const meaningful = (tokens: readonly Token[]): Token[] =>
  tokens.filter((t) => t.kind !== 'space' && t.kind !== 'comment');

export const isWord = (token: Token | undefined, ...words: string[]): boolean =>
  token?.kind === 'word' && (words.length === 0 || words.includes(token.text.toUpperCase()));

/** Splits on top-level `;`, dropping statements that hold nothing but whitespace and comments. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current: Token[] = [];
  for (const token of [...tokenize(sql), { kind: 'punct' as const, text: ';' }]) {
    if (token.kind === 'punct' && token.text === ';') {
      if (meaningful(current).length > 0) statements.push(render(current).trim());
      current = [];
    } else current.push(token);
  }
  return statements;
}

/** Index of the `)` matching the `(` at `open` in `tokens`. */
export function matchingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    if (tokens[i]!.kind !== 'punct') continue;
    if (text === '(') depth++;
    else if (text === ')' && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Splits the tokens between a `(` and its `)` into arguments at top-level commas. */
export function splitArguments(tokens: readonly Token[]): Token[][] {
  const args: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'punct' && token.text === '(') depth++;
    if (token.kind === 'punct' && token.text === ')') depth--;
    if (token.kind === 'punct' && token.text === ',' && depth === 0) args.push([]);
    else args.at(-1)!.push(token);
  }
  return args;
}

/** Unquotes a Snowflake identifier token: `"x"` keeps its case, a bare word folds to upper case. */
export function identifierName(token: Token): string {
  return token.kind === 'quoted' ? token.text.slice(1, -1).replaceAll('""', '"') : token.text.toUpperCase();
}
