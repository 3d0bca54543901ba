import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { freePort } from '../../ops/src/launcher/ports.ts';
import { repoPath } from '../../ops/src/repo-path.ts';
import { startTestStack, type RunningStack } from './stack-fixture.ts';

/** The acceptance query: kpi, sales and project in one request. */
const OVERVIEW = /* GraphQL */ `
  query Overview {
    kpiCards(period: "Q3") {
      metric {
        id
        name
      }
      period
      value
      previousValue
      change
      target
      status
    }
    topDeals(period: "Q3", limit: 5) {
      id
      name
      amount
      stage
      owner {
        name
        team {
          name
        }
      }
      account {
        name
      }
    }
    objectives(period: "Q3") {
      title
      status
      progress
      owner {
        name
      }
      keyResults {
        title
        currentValue
        targetValue
        metric {
          id
          value(period: "2026-Q3")
        }
      }
    }
    wonQ3: deals(filter: { status: WON, period: "2026-Q3" }, first: 1) {
      totalAmount
      totalCount
    }
  }
`;

describe('the federation, every service its own process', () => {
  let stack: RunningStack;
  let token: string;

  beforeAll(async () => {
    stack = await startTestStack();
    token = await stack.login();
  });
  afterAll(() => stack?.stop());
  const explainOnFailure = () => onTestFailed(() => console.error(stack.logs.slice(-60).join('\n')));

  it('answers one query from kpi, sales and project with numbers that agree', async () => {
    explainOnFailure();
    const { data, errors } = await stack.query(OVERVIEW, { token });
    expect(errors).toBeUndefined();
    expect(data.kpiCards.length).toBeGreaterThanOrEqual(12);
    expect(data.kpiCards.every((card: { period: string }) => card.period === '2026-Q3')).toBe(true);

    const bookings = data.kpiCards.find(
      (card: { metric: { id: string } }) => card.metric.id === 'new_bookings',
    );
    expect(bookings.value).toBeGreaterThan(0);
    expect(bookings.value).toBeCloseTo(data.wonQ3.totalAmount, 2);

    expect(data.topDeals).toHaveLength(5);
    for (const deal of data.topDeals) {
      expect(deal.owner.name).toMatch(/\w+ \w+/);
      expect(deal.owner.team.name).toBeTruthy();
    }
    const amounts = data.topDeals.map((deal: { amount: number }) => deal.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

    expect(data.objectives.length).toBeGreaterThan(0);
    const tracked = data.objectives.flatMap((o: any) => o.keyResults).filter((kr: any) => kr.metric);
    expect(tracked.length).toBeGreaterThan(0);
    for (const kr of tracked) expect(kr.currentValue).toBeCloseTo(kr.metric.value, 2);
  });

  it('resolves entities across subgraphs both ways: User.deals from sales, Account.memories from memory', async () => {
    explainOnFailure();
    const { data, errors } = await stack.query(
      `{ me { id name title deals { id } }
         topDeals(period: "Q4", limit: 1) { owner { id deals { id } } account { id name memories(limit: 3) { id content } } } }`,
      { token },
    );
    expect(errors).toBeUndefined();
    expect(data.me).toMatchObject({ id: 'usr_001' });
    const [top] = data.topDeals;
    expect(top.owner.deals.length).toBeGreaterThan(0);
    expect(top.account.memories.length).toBeGreaterThan(0);
  });

  it('answers bad input with codes, not crashes', async () => {
    explainOnFailure();
    const period = await stack.query('{ kpiCards(period: "2026-Q5") { value } }', { token });
    expect(period.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const malformed = await stack.query('{ kpiCards(period: "Q3") { value ', { token });
    expect(malformed.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const unknown = await stack.query('{ kpiCards { revenueForecast } }', { token });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const anonymous = await stack.query('{ kpiCards { value } }');
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const forged = await stack.query('{ me { id } }', { token: `${token.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a direct, unsigned request to a subgraph with 401', async () => {
    for (const service of Object.values(stack.subgraphs)) {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.status, service.spec.name).toBe(401);
    }
  });

  it('keeps what was written across a restart', async () => {
    explainOnFailure();
    const content = `Integration note ${Date.now()}: the Hamburg office opens in March.`;
    const remembered = await stack.query(
      'mutation($c: String!) { remember(input: { content: $c, visibility: PRIVATE }) { memory { id } errors { code } } }',
      { token, variables: { c: content } },
    );
    const id = remembered.data.remember.memory.id as string;
    const memory = stack.subgraphs.memory;
    await memory.stop();
    await memory.start();
    const { data } = await stack.query('query($id: ID!) { memory(id: $id) { content } }', {
      token,
      variables: { id },
    });
    expect(data.memory.content).toBe(content);
  });

  it('serves the other subgraphs when one stops mid-run, naming the one that failed', async () => {
    explainOnFailure();
    await stack.subgraphs.kpi.stop();
    const { data, errors } = await stack.query(
      '{ metric(id: "revenue") { name } topDeals(period: "Q3", limit: 3) { name } }',
      { token },
    );
    expect(data?.metric).toBeNull();
    expect(data?.topDeals).toHaveLength(3);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'kpi' });
    expect(errors?.[0]?.message).toContain('kpi');
  });

  it('starts the gateway alone with --supergraph and --port', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        repoPath('gateway/src/index.ts'),
        '--supergraph',
        repoPath('schema/supergraph.graphql'),
        '--port',
        String(port),
      ],
      {
        cwd: repoPath(''),
        env: {
          ...process.env,
          LOG_LEVEL: 'warn',
          SUBGRAPH_URLS: `sales=${stack.subgraphs.sales.url}/graphql`,
        },
        stdio: 'ignore',
      },
    );
    try {
      await expect
        .poll(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status, {
          interval: 200,
          timeout: 60_000,
        })
        .toBe(200);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ topDeals(period: "Q3", limit: 2) { name } }' }),
      });
      expect(((await response.json()) as any).data.topDeals).toHaveLength(2);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
