import { buildASTSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkApiKeyScopes, isApiKeyScope, rootFieldAreas, scopesNeeded } from './api-key-scopes.ts';

// A supergraph's root types as composition writes them: each root field names its owner in join__field.
const SUPERGRAPH = buildASTSchema(
  parse(`
    directive @join__field(graph: join__Graph) repeatable on FIELD_DEFINITION
    enum join__Graph { CHAT KPI MEMORY SALES }
    type Query {
      metric(id: ID!): Int @join__field(graph: KPI)
      deals: [Int] @join__field(graph: SALES)
      searchMemories(query: String!): [Int] @join__field(graph: MEMORY)
      conversations: [Int] @join__field(graph: CHAT)
    }
    type Mutation {
      moveDeal(id: ID!): Int @join__field(graph: SALES)
      remember(text: String!): Int @join__field(graph: MEMORY)
      sendMessage(text: String!): Int @join__field(graph: CHAT)
    }
    type Subscription { dealMoved: Int @join__field(graph: SALES) }
  `),
  { assumeValid: true },
);
const areas = rootFieldAreas(SUPERGRAPH);
const needed = (source: string, name?: string) => [...scopesNeeded(parse(source), name, areas)].sort();

describe('API key scopes', () => {
  it('maps every root field to the subgraph that owns it', () => {
    expect(areas.get('Query.deals')).toBe('sales');
    expect(areas.get('Mutation.remember')).toBe('memory');
    expect(areas.get('Subscription.dealMoved')).toBe('sales');
  });

  it('asks read for queries and subscriptions, write for mutations, and chat for the chat area', () => {
    expect(needed('{ metric(id: "x") deals }')).toEqual(['kpi:read', 'sales:read']);
    expect(needed('mutation { remember(text: "t") }')).toEqual(['memory:write']);
    expect(needed('subscription { dealMoved }')).toEqual(['sales:read']);
    expect(needed('mutation { sendMessage(text: "t") }')).toEqual(['chat']);
    expect(needed('{ conversations }')).toEqual(['chat']);
  });

  it('follows fragments and aliases at the root, picks the named operation, and ignores __typename', () => {
    const source = `
      query A { ...Root ... on Query { hidden: searchMemories(query: "q") } __typename }
      fragment Root on Query { deals }
      mutation B { moveDeal(id: "d") }`;
    expect(needed(source, 'A')).toEqual(['memory:read', 'sales:read']);
    expect(needed(source, 'B')).toEqual(['sales:write']);
  });

  it('refuses with FORBIDDEN naming the missing scopes, and lets a covered operation through', () => {
    const refusal = checkApiKeyScopes(
      parse('mutation { moveDeal(id: "d") remember(text: "t") }'),
      undefined,
      areas,
      ['sales:read', 'memory:write'],
    );
    expect(refusal?.extensions['code']).toBe('FORBIDDEN');
    expect(refusal?.extensions['missingScopes']).toEqual(['sales:write']);
    expect(
      checkApiKeyScopes(parse('{ deals metric(id: "k") }'), undefined, areas, ['sales:read', 'kpi:read']),
    ).toBe(undefined);
  });

  it('refuses a root field no subgraph owns, whatever the scopes, and knows only its own scope names', () => {
    expect(needed('{ mystery }')).toEqual(['unknown:read']);
    expect(isApiKeyScope('sales:write')).toBe(true);
    expect(isApiKeyScope('unknown:read')).toBe(false);
  });
});
