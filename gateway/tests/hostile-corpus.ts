/**
 * Generated hostile requests for /graphql: each is something an attacker sends to stall, crash or map the
 * gateway. Shared by the corpus test (every case refused, the gateway still answering) and `npm run
 * bench:limits` (how fast each is refused, and what a concurrent trivial query saw meanwhile).
 */
export interface HostileCase {
  readonly family: string;
  readonly name: string;
  /** The raw HTTP body, sent as is (JSON or not). */
  readonly body: string | Buffer;
  readonly contentType?: string;
}

const json = (value: unknown): string => JSON.stringify(value);
const op = (query: string, extra: Record<string, unknown> = {}): string => json({ query, ...extra });

const nestInline = (depth: number): string =>
  `{ products { ${'... on Product { '.repeat(depth)}id${' }'.repeat(depth)} } }`;
const aliases = (n: number): string =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: whoami`).join(' ')} }`;
const directives = (n: number): string => `{ whoami ${'@include(if: true) '.repeat(n)}}`;
/** `levels` fragments, each spreading the next `width` times: width^levels fields once expanded. */
const fragmentBomb = (levels: number, width: number): string => {
  const parts = [`query Q { products { ...F0 } }`];
  for (let level = 0; level < levels; level++) {
    const body = level === levels - 1 ? 'id name' : `...F${level + 1} `.repeat(width);
    parts.push(`fragment F${level} on Product { ${body} }`);
  }
  return parts.join('\n');
};
const tokens = (n: number): string => `{ ${'__typename '.repeat(n)}}`;

export function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (family: string, name: string, body: string | Buffer, contentType?: string) =>
    cases.push({ family, name, body, ...(contentType ? { contentType } : {}) });

  for (let i = 0; i < 25; i++) {
    const depth = 13 + i * 8;
    add('depth', `depth ${depth}`, op(nestInline(depth)));
  }
  for (let i = 0; i < 25; i++) {
    const n = [31, 40, 64, 100, 250, 500, 1_000, 2_500, 5_000, 10_000][i % 10]! * (1 + Math.floor(i / 10));
    add('aliases', `${n} aliases`, op(aliases(n)));
  }
  for (let i = 0; i < 25; i++) {
    const n = 31 + i * 40;
    add('directives', `${n} directives`, op(directives(n)));
  }
  for (let i = 0; i < 25; i++) {
    const levels = 6 + (i % 6);
    const width = 6 + Math.floor(i / 8) * 6;
    add('fragments', `fragment bomb ${width}^${levels}`, op(fragmentBomb(levels, width)));
  }
  for (let i = 0; i < 20; i++) {
    const n = 4_001 + i * 3_000;
    add('tokens', `${n} tokens`, op(tokens(n)));
  }
  for (let i = 0; i < 20; i++) {
    const bytes = 2 * 1024 * 1024 + 1 + i * 64 * 1024;
    const variant = i % 2 === 0 ? 'string literal' : 'variables list';
    const body =
      i % 2 === 0
        ? op(`{ whoami # ${'x'.repeat(bytes)}\n}`)
        : op('query Q($ids: [ID!]) { whoami }', {
            variables: { ids: Array.from({ length: bytes / 4 }, () => 'id') },
          });
    add('huge', `${variant} of ${Math.round(bytes / 1024)} KiB`, body);
  }
  for (let i = 0; i < 20; i++) {
    const size = 2 + i * 5;
    add('batch', `batch of ${size}`, json(Array.from({ length: size }, () => ({ query: '{ whoami }' }))));
  }
  const malformed: Array<[string, string]> = [
    ['not JSON', '{ whoami }'],
    ['truncated JSON', '{"query": "{ whoami }"'],
    ['JSON null', 'null'],
    ['JSON number', '42'],
    ['JSON string', '"{ whoami }"'],
    ['query is a number', json({ query: 42 })],
    ['query is an object', json({ query: { a: 1 } })],
    ['query is empty', json({ query: '' })],
    ['variables are a string', json({ query: '{ whoami }', variables: 'x' })],
    ['operationName is a number', json({ query: '{ whoami }', operationName: 7 })],
    ['unknown field', op('{ nothingHere }')],
    ['unclosed selection', op('{ whoami')],
    ['two anonymous operations', op('{ whoami } { whoami }')],
    ['unknown operation name', json({ query: 'query A { whoami }', operationName: 'B' })],
    ['subscription over HTTP with no field', op('subscription { nope }')],
    ['deeply nested JSON', '['.repeat(5_000) + ']'.repeat(5_000)],
    ['empty batch', '[]'],
    ['batch of junk', json([1, 'x', null])],
    ['variable of wrong type', json({ query: 'query Q($n: Int) { whoami }', variables: { n: 'x' } })],
    ['extensions junk', json({ query: '{ whoami }', extensions: { persistedQuery: 5 } })],
  ];
  for (const [name, body] of malformed) add('malformed', name, body);
  const strange = [
    '\u0000',
    '\u0000{ whoami }',
    '{ who\u0000ami }',
    '{ whoami \u202e }',
    '{ 名前 }',
    '{ whoami(\u{1F4A5}: 1) }',
    '\uFEFF{ whoami(\uFEFF }',
    '{ whoami @\u0000 }',
    `{ ${'\u200b'.repeat(5_000)} whoami }`,
    `{ whoami(a: "${'\u{1F600}'.repeat(20_000)}") }`,
  ];
  strange.forEach((query, i) => add('unicode', `unicode/NUL ${i}`, op(query)));
  const bytes = [
    Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
    Buffer.from('{"query":"{ whoami }\u0000"}', 'utf8'),
    Buffer.concat([Buffer.from('{"query":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    Buffer.alloc(1024, 0),
    Buffer.concat([Buffer.from('{"query":"{ '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(' }"}')]),
    Buffer.from('{"query":"{ whoami }"}\u0000garbage'),
    Buffer.from('\u0000\u0000\u0000\u0000'),
    Buffer.from('{"query":"\\ud800"}'),
    Buffer.from('{"query":"query Q($\\u0000: Int) { whoami }"}'),
    Buffer.from('{"query":"{ a: whoami b: whoami }", "query": 5}'),
  ];
  bytes.forEach((body, i) => add('unicode', `raw bytes ${i}`, body));
  return cases;
}
