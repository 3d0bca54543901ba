import { createRequire } from 'node:module';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { variablesSchema } from '../src/mcp/input-schema.ts';

const schema = buildSchema(`
  "A calendar date, YYYY-MM-DD."
  scalar Date
  "How bad it is."
  enum Severity {
    "Can wait."
    LOW
    HIGH
  }
  "Narrows a search."
  input Filter {
    "Only these severities."
    severities: [Severity!]
    "Reported after this day."
    after: Date
    limit: Int! = 10
    "Nested filters, all of which must match."
    and: [Filter!]
  }
  input Ticket {
    title: String!
    severity: Severity = LOW
  }
  type Query {
    tickets(
      "Words to look for."
      search: String!
      filter: Filter
      first: Int = 20
    ): [String!]!
    ticket(id: ID!): String
  }
  type Mutation {
    open(input: Ticket!, watchers: [ID]): String
  }
`);

const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;
/**
 * The MCP SDK's own ajv (8, JSON Schema 2020-12 — MCP's default dialect), strict, with meta-schema checks: a
 * schema it cannot compile is not a valid tool input schema.
 */
const sdkRequire = createRequire(import.meta.resolve('@modelcontextprotocol/sdk/validation/ajv'));
const { Ajv2020 } = sdkRequire('ajv/dist/2020') as {
  Ajv2020: new (options: object) => { compile(schema: object): (data: unknown) => boolean };
};
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });

describe('MCP tool input schema', () => {
  it('maps variables to properties: non-null without default required, descriptions from arguments', () => {
    const result = variablesSchema(
      schema,
      operation(
        'query T($search: String!, $first: Int = 5, $filter: Filter) { tickets(search: $search, first: $first, filter: $filter) }',
      ),
    );
    expect(result.required).toEqual(['search']);
    expect(result['additionalProperties']).toBe(false);
    expect(result.properties['search']).toEqual({ type: 'string', description: 'Words to look for.' });
    expect(result.properties['first']).toMatchObject({ type: ['integer', 'null'], default: 5 });
    const filter = result.properties['filter'] as Record<string, any>;
    expect(filter['type']).toEqual(['object', 'null']);
    expect(filter['description']).toBe('Narrows a search.');
    expect(filter['required']).toBeUndefined(); // limit has a default
    expect(filter['properties']['limit']).toMatchObject({ type: 'integer', default: 10 });
    expect(filter['properties']['after']).toEqual({ description: 'Reported after this day.' });
    expect(filter['properties']['severities']).toMatchObject({
      type: ['array', 'null'],
      items: { type: 'string', enum: ['LOW', 'HIGH'] },
      description: 'Only these severities.',
    });
    expect(filter['properties']['severities']['items']['description']).toContain('LOW: Can wait.');
    // The recursive field is described without recursing forever.
    expect(filter['properties']['and']['items']).toMatchObject({ type: 'object' });
  });

  it('accepts and refuses what GraphQL would', () => {
    const validate = ajv.compile(
      variablesSchema(
        schema,
        operation(
          'mutation O($input: Ticket!, $watchers: [ID]) { open(input: $input, watchers: $watchers) }',
        ),
      ),
    );
    expect(validate({ input: { title: 'Printer on fire' } })).toBe(true);
    expect(validate({ input: { title: 'x', severity: 'HIGH' }, watchers: ['usr_1', 2, null] })).toBe(true);
    expect(validate({ input: { title: 'x', severity: null } })).toBe(true);
    expect(validate({})).toBe(false);
    expect(validate({ input: { title: 'x', severity: 'URGENT' } })).toBe(false);
    expect(validate({ input: { title: 'x', colour: 'red' } })).toBe(false);
    expect(validate({ input: { title: 'x' }, extra: 1 })).toBe(false);
  });

  it('bounds Int to 32 bits and gives input field defaults as JSON', () => {
    const result = variablesSchema(schema, operation('mutation O($input: Ticket!) { open(input: $input) }'));
    const ticket = result.properties['input'] as Record<string, any>;
    expect(ticket['properties']['severity']).toMatchObject({ default: 'LOW' });
    const first = variablesSchema(schema, operation('query T($n: Int!) { tickets(search: "", first: $n) }'));
    expect(ajv.compile(first)({ n: 2 ** 31 })).toBe(false);
    expect(ajv.compile(first)({ n: 1.5 })).toBe(false);
  });
});
