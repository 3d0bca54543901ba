import { isWord, matchingParen, meaningful, splitArguments, tokenize, type Token } from './sql-tokens.ts';
import { rewriteType } from './sql-types.ts';

/** What the rewriter needs to know about the FAKE's catalog. */
export interface RewriteContext {
  /** The change-set query standing in for a stream, by the stream's upper-case name; undefined if none. */
  streamQuery(name: string): string | undefined;
  /** `SYSTEM$STREAM_HAS_DATA` for a stream, as a boolean SQL expression. */
  streamHasData(name: string): string | undefined;
  /** Database names: the first part of a three-part name is dropped (the FAKE has one database). */
  readonly databases: ReadonlySet<string>;
}

export interface Rewritten {
  sql: string;
  /** Streams this statement reads (their offsets advance when the statement is DML). */
  streams: string[];
}

/** Snowflake functions with a DuckDB equivalent under another name. */
const RENAMED_FUNCTIONS: Readonly<Record<string, string>> = {
  VECTOR_COSINE_SIMILARITY: 'array_cosine_similarity',
  VECTOR_L2_DISTANCE: 'array_distance',
  VECTOR_INNER_PRODUCT: 'array_inner_product',
  PARSE_JSON: 'json',
  OBJECT_CONSTRUCT: 'json_object',
  ARRAY_CONSTRUCT: 'json_array',
  // DuckDB's to_json would read a VARIANT as its VARCHAR rendering, not as JSON.
  TO_JSON: 'SF_TO_JSON',
};

/** Niladic functions Snowflake calls with `()` and DuckDB without. */
const NILADIC = new Set(['CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_TIME', 'LOCALTIMESTAMP', 'SYSDATE']);
/** Functions whose first argument is a date part Snowflake writes as a bare word. */
const DATE_PART_FUNCTIONS = new Set(['DATEDIFF', 'DATE_TRUNC', 'DATE_PART']);
const TABLE_CONTEXT = new Set(['FROM', 'JOIN', 'USING']);
/** Words that end a table reference, so a following word is not its alias. */
const CLAUSE_WORDS = new Set([
  'WHERE',
  'GROUP',
  'ORDER',
  'HAVING',
  'QUALIFY',
  'LIMIT',
  'JOIN',
  'LEFT',
  'RIGHT',
  'INNER',
  'OUTER',
  'FULL',
  'CROSS',
  'ON',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'WHEN',
  'USING',
  'AS',
  'SET',
  'NATURAL',
  'WINDOW',
]);

/**
 * Rewrites one Snowflake statement into DuckDB SQL. Works on tokens, so literals, `$$` bodies and quoted
 * identifiers are never changed; unquoted identifiers fold to upper case, as Snowflake folds them.
 */
export function rewriteSql(sql: string, context: RewriteContext): Rewritten {
  const tokens = meaningful(tokenize(sql));
  const out: string[] = [];
  const streams: string[] = [];
  const isMerge = isWord(tokens[0], 'MERGE');
  let mergeSetDepth: number | undefined;
  let depth = 0;
  const castDepths: number[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const word = token.kind === 'word' ? token.text.toUpperCase() : '';

    if (token.kind === 'punct' && token.text === '(') depth++;
    if (token.kind === 'punct' && token.text === ')') {
      if (castDepths.at(-1) === depth) castDepths.pop();
      depth--;
    }
    if (token.kind === 'bind') {
      out.push(token.text === '?' ? '?' : `$${token.text.slice(1)}`);
      continue;
    }
    if (token.kind !== 'word') {
      out.push(token.text);
      continue;
    }

    // Semi-structured paths: v:a.b[0] → json_extract (VARIANT), or json_extract_string before a cast. The
    // column is read as JSON text first: DuckDB's VARIANT would otherwise reach json_extract as VARCHAR.
    if (next?.text === ':' && (tokens[i + 2]?.kind === 'word' || tokens[i + 2]?.kind === 'quoted')) {
      const path = semiStructuredPath(tokens, i + 1);
      const qualifier = prev?.text === '.' ? out.splice(-2).join('') : '';
      const extract = tokens[path.next]?.text === '::' ? 'json_extract_string' : 'json_extract';
      out.push(`${extract}(CAST(${qualifier}${word} AS JSON), '${path.jsonPath}')`);
      i = path.next - 1;
      continue;
    }
    // Types: after `::`, after AS inside CAST(...), after RETURNS, and in column definitions.
    if (isTypePosition(tokens, i, castDepths, depth)) {
      const type = rewriteType(tokens, i);
      if (type) {
        out.push(type.text);
        i = type.next - 1;
        continue;
      }
    }
    if ((word === 'CAST' || word === 'TRY_CAST') && next?.text === '(') castDepths.push(depth + 1);

    // SNOWFLAKE.CORTEX.EMBED_TEXT_768 → the FAKE's deterministic stand-in.
    if (word === 'SNOWFLAKE' && tokens[i + 1]?.text === '.' && isWord(tokens[i + 2], 'CORTEX')) {
      out.push(`SF_${tokens[i + 4]!.text.toUpperCase()}`);
      i += 4;
      continue;
    }
    if (TABLE_CONTEXT.has(prev?.text.toUpperCase() ?? '')) {
      const stream = streamReference(tokens, i, context);
      if (stream) {
        streams.push(stream.name);
        out.push(stream.text);
        i = stream.next - 1;
        continue;
      }
    }
    // DB.SCHEMA.OBJECT → SCHEMA.OBJECT
    if (context.databases.has(word) && next?.text === '.' && tokens[i + 3]?.text === '.') {
      i += 1;
      continue;
    }
    if (next?.text === '(' && prev?.text !== '.') {
      const call = rewriteCall(tokens, i, context, streams);
      if (call) {
        out.push(call.text);
        i = call.next - 1;
        continue;
      }
    }
    if (word === 'SYSTEM$STREAM_HAS_DATA' && next?.text === '(') {
      const name = identifierFromLiteral(tokens[i + 2]);
      const expression = context.streamHasData(name);
      if (!expression) throw new RewriteError(`Stream '${name}' does not exist or not authorized.`);
      out.push(expression);
      i = matchingParen(tokens, i + 1);
      continue;
    }
    // MERGE ... UPDATE SET T.COL = … : DuckDB refuses a qualified target column.
    if (isMerge && word === 'SET' && isWord(prev, 'UPDATE')) mergeSetDepth = depth;
    if (isMerge && word === 'WHEN') mergeSetDepth = undefined;
    if (
      mergeSetDepth === depth &&
      next?.text === '.' &&
      tokens[i + 3]?.text === '=' &&
      (isWord(prev, 'SET') || prev?.text === ',')
    ) {
      i += 1;
      continue;
    }
    out.push(word.includes('$') ? `"${word}"` : word);
  }
  return { sql: out.join(' '), streams };
}

/** A statement the FAKE cannot express in DuckDB; reported as a compilation error. */
export class RewriteError extends Error {}

function isTypePosition(tokens: readonly Token[], i: number, castDepths: number[], depth: number): boolean {
  const prev = tokens[i - 1];
  if (prev?.text === '::') return true;
  if (isWord(prev, 'RETURNS')) return true;
  if (isWord(prev, 'AS') && castDepths.at(-1) === depth) return true;
  // Column definitions: `( name TYPE` or `, name TYPE` in CREATE / ALTER … ADD [COLUMN] [IF NOT EXISTS] name TYPE.
  const first = tokens[0]?.text.toUpperCase();
  if (first !== 'CREATE' && first !== 'ALTER') return false;
  const before = tokens[i - 2];
  const namedColumn = prev?.kind === 'word' || prev?.kind === 'quoted';
  const added = isWord(before, 'COLUMN', 'ADD') || (first === 'ALTER' && isWord(before, 'EXISTS'));
  return namedColumn && (before?.text === '(' || before?.text === ',' || added);
}

function rewriteCall(
  tokens: readonly Token[],
  i: number,
  context: RewriteContext,
  streams: string[],
): { text: string; next: number } | undefined {
  const word = tokens[i]!.text.toUpperCase();
  const close = matchingParen(tokens, i + 1);
  const inner = tokens.slice(i + 2, close);
  const again = (part: readonly Token[]) => {
    const rewritten = rewriteSql(part.map((t) => t.text).join(' '), context);
    streams.push(...rewritten.streams);
    return rewritten.sql;
  };
  const renamed = RENAMED_FUNCTIONS[word];
  if (renamed) return { text: `${renamed}(${again(inner)})`, next: close + 1 };
  if (NILADIC.has(word)) {
    return { text: word === 'SYSDATE' ? "(now() AT TIME ZONE 'UTC')" : word, next: close + 1 };
  }
  if (word === 'TABLE' && inner.length > 0) return { text: again(inner), next: close + 1 };
  const args = splitArguments(inner);
  const part = args[0]?.length === 1 ? args[0][0] : undefined;
  const datePart =
    part?.kind === 'word'
      ? part.text.toUpperCase()
      : part?.kind === 'string'
        ? part.text.slice(1, -1).toUpperCase()
        : undefined;
  if (
    (word === 'DATEADD' || word === 'TIMESTAMPADD' || word === 'TIMEADD') &&
    datePart &&
    args.length === 3
  ) {
    return {
      text: `((${again(args[2]!)}) + (${again(args[1]!)}) * INTERVAL 1 ${datePart})`,
      next: close + 1,
    };
  }
  const format = args[1]?.length === 1 && args[1][0]!.kind === 'string' ? args[1][0]!.text : undefined;
  if ((word === 'TO_VARCHAR' || word === 'TO_CHAR') && format && args.length === 2) {
    return {
      text: `strftime(${again(args[0]!)}, '${strftimeFormat(format.slice(1, -1))}')`,
      next: close + 1,
    };
  }
  if (DATE_PART_FUNCTIONS.has(word) && datePart && args.length >= 2) {
    const rest = args.slice(1).map(again).join(', ');
    return { text: `${word.toLowerCase()}('${datePart}', ${rest})`, next: close + 1 };
  }
  return undefined;
}

/** Snowflake's date and time format elements → DuckDB strftime; `"text"` is literal text. */
const FORMAT_ELEMENTS: Readonly<Record<string, string>> = {
  YYYY: '%Y',
  MM: '%m',
  DD: '%d',
  HH24: '%H',
  MI: '%M',
  SS: '%S',
  FF3: '%g',
  FF6: '%f',
  FF: '%n',
  FF9: '%n',
};

function strftimeFormat(format: string): string {
  return format.replace(/"([^"]*)"|YYYY|HH24|MM|DD|MI|SS|FF[369]?/g, (element, literal?: string) =>
    literal !== undefined ? literal.replaceAll('%', '%%') : FORMAT_ELEMENTS[element]!,
  );
}

function streamReference(
  tokens: readonly Token[],
  i: number,
  context: RewriteContext,
): { name: string; text: string; next: number } | undefined {
  // A reference is NAME or SCHEMA.NAME; the stream catalog is keyed by the bare name.
  let end = i;
  while (tokens[end + 1]?.text === '.' && tokens[end + 2]) end += 2;
  const name =
    tokens[end]!.kind === 'quoted' ? tokens[end]!.text.slice(1, -1) : tokens[end]!.text.toUpperCase();
  const query = context.streamQuery(name);
  if (!query) return undefined;
  const following = tokens[end + 1];
  const hasAlias =
    isWord(following, 'AS') ||
    (following?.kind === 'word' && !CLAUSE_WORDS.has(following.text.toUpperCase())) ||
    following?.kind === 'quoted';
  return { name, text: hasAlias ? `(${query})` : `(${query}) AS "${name}"`, next: end + 1 };
}

/** `:a.b[0]."c d"` from `start` (the colon) → JSONPath `$.a.b[0]."c d"`; element names keep their case. */
function semiStructuredPath(tokens: readonly Token[], start: number): { jsonPath: string; next: number } {
  let jsonPath = '$';
  let i = start;
  while (i < tokens.length) {
    const separator = tokens[i]!.text;
    const part = tokens[i + 1];
    if ((separator === ':' && i === start) || separator === '.') {
      if (part?.kind === 'word') jsonPath += `.${part.text}`;
      else if (part?.kind === 'quoted') jsonPath += `.${part.text}`;
      else break;
      i += 2;
    } else if (separator === '[' && tokens[i + 2]?.text === ']' && part) {
      jsonPath += part.kind === 'string' ? `."${part.text.slice(1, -1)}"` : `[${part.text}]`;
      i += 3;
    } else break;
  }
  return { jsonPath: jsonPath.replaceAll("'", "''"), next: i };
}

function identifierFromLiteral(token: Token | undefined): string {
  if (!token) return '';
  const text = token.kind === 'string' ? token.text.slice(1, -1) : token.text;
  return (text.split('.').at(-1) ?? '').replaceAll('"', '').toUpperCase();
}
