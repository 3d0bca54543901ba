import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Kind, parse, print, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { repoPath } from '../../ops/src/repo-path.ts';
import { startTestStack, type RunningStack } from './stack-fixture.ts';

/** The tools the chat pipeline calls by name (schema/operations/*.graphql). */
const TOOLS = [
  'Account',
  'AtRiskProjects',
  'FindAccounts',
  'FindPeople',
  'KpiCards',
  'MetricSeries',
  'MetricValue',
  'Metrics',
  'Objectives',
  'Pipeline',
  'Remember',
  'SearchMemories',
  'TopDeals',
];

/** The MCP SDK's own ajv (8, JSON Schema 2020-12, MCP's default dialect), strict, checking the meta-schema. */
const sdkRequire = createRequire(import.meta.resolve('@modelcontextprotocol/sdk/validation/ajv'));
const { Ajv2020 } = sdkRequire('ajv/dist/2020') as {
  Ajv2020: new (options: object) => { compile(schema: object): (data: unknown) => boolean };
};

/** An operation as written in schema/operations, to ask /graphql the same question. */
function operationSource(file: string, name: string): OperationDefinitionNode {
  const document = parse(readFileSync(repoPath(`schema/operations/${file}`), 'utf8'));
  const found = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!found) throw new Error(`${name} is not in ${file}`);
  return found;
}

describe('MCP at the gateway, every service its own process', () => {
  let stack: RunningStack;
  let token: string;
  let client: Client;
  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult & { structuredContent: any };

  beforeAll(async () => {
    stack = await startTestStack();
    token = await stack.login();
    client = new Client({ name: 'integration-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${stack.gateway.url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
  });
  afterAll(async () => {
    await client?.close();
    await stack?.stop();
  });
  const explainOnFailure = () => onTestFailed(() => console.error(stack.logs.slice(-60).join('\n')));

  it('lists a tool per operation, each with an input schema a JSON Schema validator compiles', async () => {
    explainOnFailure();
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(expect.arrayContaining(TOOLS));
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    const validators = Object.fromEntries(tools.map((tool) => [tool.name, ajv.compile(tool.inputSchema)]));
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool])) as Record<string, Tool>;

    expect(byName['KpiCards']?.description).toMatch(/^The headline KPI cards for a period/);
    expect(byName['KpiCards']?.description).toContain('kpiCards: Headline cards for a period');
    expect(byName['KpiCards']?.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName['Remember']?.annotations).toMatchObject({ readOnlyHint: false });
    expect(byName['SearchMemories']?.inputSchema).toMatchObject({
      required: ['query'],
      properties: {
        query: {
          type: 'string',
          description: 'Words to look for; must not be blank, at most 2,000 characters.',
        },
        limit: { default: 5 },
        filter: {
          properties: { kinds: { items: { enum: ['NOTE', 'DOCUMENT_CHUNK', 'CONVERSATION', 'FACT'] } } },
        },
      },
    });
    expect(validators['SearchMemories']?.({ query: 'renewal', filter: { kinds: ['NOTE'] } })).toBe(true);
    expect(validators['SearchMemories']?.({ query: 'renewal', filter: { kinds: ['MEMO'] } })).toBe(false);
    expect(validators['Remember']?.({ input: { content: 'x', visibility: 'TEAM' } })).toBe(true);
    expect(validators['Remember']?.({})).toBe(false);
  });

  it('KpiCards for 2026-Q3 is what /graphql answers for kpiCards(period: "2026-Q3")', async () => {
    explainOnFailure();
    const field = operationSource('kpi.graphql', 'KpiCards').selectionSet.selections[0] as FieldNode;
    const direct = await stack.query(`{ kpiCards(period: "2026-Q3") ${print(field.selectionSet!)} }`, {
      token,
    });
    expect(direct.errors).toBeUndefined();
    expect(direct.data.kpiCards.length).toBeGreaterThanOrEqual(12);
    const result = await call('KpiCards', { period: '2026-Q3' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ data: direct.data });
    expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual(result.structuredContent);
  });

  it('TopDeals: the largest deals of the quarter, as /graphql gives them', async () => {
    explainOnFailure();
    const result = await call('TopDeals', { period: '2026-Q3', limit: 3 });
    expect(result.isError).toBeFalsy();
    const deals = result.structuredContent.data.topDeals;
    expect(deals).toHaveLength(3);
    const amounts = deals.map((deal: { amount: number }) => deal.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    for (const deal of deals) expect(deal.owner.name).toMatch(/\w+ \w+/);
    const direct = await stack.query(print(operationSource('sales.graphql', 'TopDeals')), {
      token,
      variables: { period: '2026-Q3', limit: 3 },
    });
    expect(result.structuredContent).toEqual({ data: direct.data });

    // The README's curl: one POST, no session opened first.
    const response = await fetch(`${stack.gateway.url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'TopDeals', arguments: { period: '2026-Q3', limit: 3 } },
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: 1,
      result: { structuredContent: { data: direct.data } },
    });
  });

  it('SearchMemories: what the caller may see about a query, best first', async () => {
    explainOnFailure();
    const result = await call('SearchMemories', { query: 'renewal pricing', limit: 3 });
    expect(result.isError).toBeFalsy();
    const hits = result.structuredContent.data.searchMemories;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    const scores = hits.map((hit: { score: number }) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const hit of hits) {
      expect(hit.memory.content).toEqual(expect.any(String));
      expect(['L1', 'L2', 'L3']).toContain(hit.servedFrom);
    }
  });

  it('answers invalid arguments with a tool error, never a crash', async () => {
    explainOnFailure();
    const cases: Array<[string, Record<string, unknown>]> = [
      ['SearchMemories', {}], // the JSON Schema: query is required
      ['KpiCards', { period: 42 }], // the JSON Schema: a string
      ['SearchMemories', { query: 'renewal', limit: 500 }], // the subgraph: 1 to 50
      ['KpiCards', { period: '2026-Q5' }], // the subgraph: no such quarter
    ];
    for (const [name, args] of cases) {
      const result = await call(name, args);
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(result.structuredContent.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await call('TopDeals', { limit: 1 })).isError).toBeFalsy();
  });

  it('refuses a client without a token with 401', async () => {
    explainOnFailure();
    const anonymous = new Client({ name: 'no-token', version: '1.0.0' });
    await expect(
      anonymous.connect(new StreamableHTTPClientTransport(new URL(`${stack.gateway.url}/mcp`))),
    ).rejects.toMatchObject({ code: 401 });
  });
});
