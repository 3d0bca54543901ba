import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { rememberedDocuments } from './socket-documents.ts';

const SCHEMA = 'type Query { hello: String } type Subscription { ticks(n: Int!): Int! }';

describe('remembered socket documents', () => {
  it('parses a query text once and validates its document once per schema', () => {
    const documents = rememberedDocuments();
    const schema = buildSchema(SCHEMA);
    const text = 'subscription Ticks($n: Int!) { ticks(n: $n) }';
    const document = documents.parse(text);
    expect(documents.parse(text)).toBe(document);
    const errors = documents.validate(schema, document);
    expect(errors).toEqual([]);
    expect(documents.validate(schema, document)).toBe(errors);
    // Another schema (a subgraph rebuilt) validates afresh.
    expect(documents.validate(buildSchema(SCHEMA), document)).not.toBe(errors);
  });

  it('refuses an invalid text every time it comes back, with the same errors', () => {
    const documents = rememberedDocuments();
    const schema = buildSchema(SCHEMA);
    const wrong = documents.parse('{ goodbye }');
    const errors = documents.validate(schema, wrong);
    expect(errors.map((error) => error.message)).toEqual(['Cannot query field "goodbye" on type "Query".']);
    expect(documents.validate(schema, documents.parse('{ goodbye }'))).toEqual(errors);
    expect(() => documents.parse('{ hello')).toThrow(/Syntax Error/);
    expect(() => documents.parse('{ hello')).toThrow(/Syntax Error/);
  });

  it('holds a bounded number of texts', () => {
    const documents = rememberedDocuments(2);
    const first = documents.parse('{ hello }');
    documents.parse('query A { hello }');
    documents.parse('query B { hello }');
    expect(documents.parse('{ hello }')).not.toBe(first);
  });
});
