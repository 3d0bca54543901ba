import { buildSchema, GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createCheckedDocuments } from './checked-documents.ts';
import { createOperationLimiter, OPERATION_TOO_COMPLEX, type CheckedOperation } from './operation-limits.ts';

const SCHEMA = `type Query { deals(first: Int): [Deal!]! me: Person }
type Deal { id: ID! owner: Person }
type Person { id: ID! manager: Person }`;
const LIMITS = { MAX_TOKENS: 200, MAX_DEPTH: 3, MAX_ALIASES: 5, MAX_DIRECTIVES: 5, MAX_COST: 100 };

describe('operation limits over remembered documents', () => {
  it('parses a text once per schema, while the cost still follows each call’s variables', () => {
    const schema = buildSchema(SCHEMA);
    const limiter = createOperationLimiter(LIMITS);
    const query = 'query Deals($n: Int) { deals(first: $n) { id } }';
    const first = limiter.check(schema, query, { n: 2 }) as CheckedOperation;
    const again = limiter.check(schema, query, { n: 50 }) as CheckedOperation;
    expect(again.document).toBe(first.document);
    expect([first.cost, again.cost]).toEqual([3, 51]);
    expect(limiter.check(schema, query, { n: 500 })).toMatchObject({
      extensions: { code: OPERATION_TOO_COMPLEX, limit: 'cost' },
    });
    // A new supergraph checks the text afresh.
    const next = limiter.check(buildSchema(SCHEMA), query, { n: 2 }) as CheckedOperation;
    expect(next.document).not.toBe(first.document);
  });

  it('estimates again whenever a sizing variable or an included selection changes', () => {
    const schema = buildSchema(SCHEMA);
    const limiter = createOperationLimiter(LIMITS);
    const cost = (query: string, variables: Record<string, unknown>) =>
      (limiter.check(schema, query, variables) as CheckedOperation).cost;
    const sized = 'query Deals($n: Int = 5, $id: ID) { deals(first: $n) { id } me { id } }';
    expect(cost(sized, { id: 'a' })).toBe(8); // the default: 1 + 5 × 1, and me: 1 + 1
    expect(cost(sized, { id: 'b', n: null })).toBe(13); // no size: DEFAULT_LIST_SIZE
    expect(cost(sized, { id: 'c', n: 20 })).toBe(23);
    expect(cost(sized, { id: 'd' })).toBe(8);
    const included = 'query Me($all: Boolean!) { me { id } deals @include(if: $all) { id owner { id } } }';
    expect(cost(included, { all: false })).toBe(2);
    expect(cost(included, { all: true })).toBe(33);
    expect(cost(included, { all: false })).toBe(2);
  });

  it('refuses a remembered text over a limit every time it comes back', () => {
    const schema = buildSchema(SCHEMA);
    const limiter = createOperationLimiter(LIMITS);
    const deep = '{ me { manager { manager { manager { manager { id } } } } } }';
    for (let i = 0; i < 3; i++) {
      expect(limiter.check(schema, deep)).toMatchObject({ extensions: { limit: 'depth' } });
    }
    const long = `{ ${'me { id } '.repeat(60)}}`;
    for (let i = 0; i < 3; i++) {
      expect(limiter.check(schema, long)).toMatchObject({ extensions: { limit: 'tokens' } });
    }
    expect(limiter.check(schema, '{ me {')).toBeUndefined();
    expect(limiter.check(schema, '{ me {')).toBeUndefined();
  });

  it('holds a bounded number of texts, the least recently used leaving first', () => {
    const schema = buildSchema(SCHEMA);
    const documents = createCheckedDocuments(2);
    let checks = 0;
    const get = (query: string) =>
      documents.get(schema, query, () => {
        checks += 1;
        return new GraphQLError(query);
      });
    get('a');
    get('b');
    get('a'); // used again: b is now the oldest
    get('c'); // over the limit: b leaves
    expect(checks).toBe(3);
    get('a');
    get('c');
    expect(checks).toBe(3);
    get('b');
    expect(checks).toBe(4);
  });
});
