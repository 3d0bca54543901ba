/**
 * The analyst against the real stack: five subgraphs and the gateway as processes over the demo company,
 * tools run as HTTP requests through the gateway with a development token. Every figure an answer gives is
 * compared with what the API itself returns.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { formatMoney, formatValue } from '../../src/analyst/index.ts';
import type { CitationRef } from '../../src/citations.ts';
import {
  startTestStack,
  TEST_ANCHOR,
  type RunningStack,
} from '../../../../tests/integration/stack-fixture.ts';
import { ask } from './ask.ts';
import { createGatewayToolInvoker, type RecordingToolInvoker } from './gateway-tool-invoker.ts';

const NOW = new Date(`${TEST_ANCHOR}T12:00:00Z`);

let stack: RunningStack;
let token: string;
let tools: RecordingToolInvoker;

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.login();
  tools = createGatewayToolInvoker(stack.graphqlUrl, token);
});

afterAll(async () => {
  await stack?.stop();
});

/** Queries the gateway directly: the figures the answer must agree with. */
async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await stack.query<T>(query, { variables, token });
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const cited = (citations: readonly CitationRef[], typename: string) =>
  citations.filter((citation) => citation.typename === typename).map((citation) => citation.id);

function explainOnFailure(answer: { text: string }) {
  onTestFailed(() => console.log(`Answer:\n${answer.text}\n\nLogs:\n${stack.logs.slice(-30).join('\n')}`));
}

interface Card {
  value: number;
  previousValue: number;
  target: number;
  metric: { id: string; currency: string };
}

const cardsOf = (period: string) =>
  api<{ kpiCards: Card[] }>(
    `query ($period: String) { kpiCards(period: $period) { value previousValue target metric { id currency } } }`,
    { period },
  ).then((data) => data.kpiCards);

describe('KPIs', () => {
  it('answers "What were our Q3 revenue numbers?" with kpiCards\' Q3 revenue, formatted, citing the metric', async () => {
    const answer = await ask(tools, 'What were our Q3 revenue numbers?', NOW);
    explainOnFailure(answer);
    const revenue = (await cardsOf('Q3')).find((card) => card.metric.id === 'revenue')!;
    expect(answer.understanding).toMatchObject({ intent: 'KPI_VALUE', periods: ['2026-Q3'] });
    expect(answer.text).toContain(formatMoney(revenue.value, revenue.metric.currency));
    expect(answer.text).toContain(formatMoney(revenue.previousValue, revenue.metric.currency));
    expect(answer.text).toContain(formatMoney(revenue.target, revenue.metric.currency));
    expect(cited(answer.citations, 'Metric')).toEqual(['revenue']);
  });

  it('follows up "And in Q2?" with Q2 revenue', async () => {
    const history = [
      { role: 'USER' as const, content: 'What were our Q3 revenue numbers?' },
      { role: 'ASSISTANT' as const, content: 'Revenue for 2026-Q3 was …' },
    ];
    const answer = await ask(tools, 'And in Q2?', NOW, { history });
    explainOnFailure(answer);
    const revenue = (await cardsOf('2026-Q2')).find((card) => card.metric.id === 'revenue')!;
    expect(answer.understanding).toMatchObject({ intent: 'KPI_VALUE', periods: ['2026-Q2'] });
    expect(answer.text).toContain(formatMoney(revenue.value, revenue.metric.currency));
  });

  it('gives every headline card when no metric is named', async () => {
    const answer = await ask(tools, 'How are we doing in Q3?', NOW);
    explainOnFailure(answer);
    const cards = await cardsOf('2026-Q3');
    expect(cited(answer.citations, 'Metric')).toEqual(cards.map((card) => card.metric.id));
    const revenue = cards.find((card) => card.metric.id === 'revenue')!;
    expect(answer.text).toContain(
      `| Revenue | 2026-Q3 | ${formatMoney(revenue.value, revenue.metric.currency)} |`,
    );
  });

  it('reads a metric without a card (cash) with MetricValue', async () => {
    const answer = await ask(tools, 'How much cash did we have last quarter?', NOW);
    explainOnFailure(answer);
    const { metric } = await api<{ metric: { value: number; currency: string } }>(
      `{ metric(id: "cash") { value(period: "2026-Q3") currency } }`,
    );
    expect(answer.text).toContain(formatMoney(metric.value, metric.currency));
    expect(cited(answer.citations, 'Metric')).toEqual(['cash']);
  });

  it('gives a trend with the series values', async () => {
    const answer = await ask(tools, 'How has ARR trended over the last 12 months?', NOW);
    explainOnFailure(answer);
    const { metric } = await api<{ metric: { series: { period: string; value: number }[] } }>(
      `{ metric(id: "arr") { series(grain: MONTH) { period value } } }`,
    );
    expect(answer.understanding.intent).toBe('KPI_TREND');
    const rows = answer.text.split('\n');
    for (const point of metric.series.slice(-12)) {
      // The running month is labelled "(so far)".
      const row = rows.find((line) => line.startsWith(`| ${point.period} `));
      expect(row).toContain(`| ${formatValue(point.value, 'CURRENCY', 'USD')} |`);
    }
    expect(cited(answer.citations, 'Metric')).toEqual(['arr']);
  });
});

describe('sales', () => {
  it('lists the same top deals as topDeals, in the same order, streamed progressively', async () => {
    const answer = await ask(tools, 'What are our top deals this quarter?', NOW);
    explainOnFailure(answer);
    const { topDeals } = await api<{
      topDeals: { id: string; name: string; amount: number; currency: string }[];
    }>(`{ topDeals(period: "2026-Q4", limit: 10) { id name amount currency } }`);
    expect(topDeals.length).toBeGreaterThan(0);
    expect(cited(answer.citations, 'Deal')).toEqual(topDeals.map((deal) => deal.id));
    const positions = topDeals.map((deal) => answer.text.indexOf(`| ${deal.name} |`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const deal of topDeals) expect(answer.text).toContain(formatMoney(deal.amount, deal.currency));
    expect(answer.tokens).toBeGreaterThan(20);
  });

  it('honours "top 3"', async () => {
    const answer = await ask(tools, 'Show me the top 3 deals in Q3', NOW);
    const { topDeals } = await api<{ topDeals: { id: string }[] }>(
      `{ topDeals(period: "2026-Q3", limit: 3) { id } }`,
    );
    expect(cited(answer.citations, 'Deal')).toEqual(topDeals.map((deal) => deal.id));
  });

  it('names at-risk deals only among the open deals of the quarter', async () => {
    const answer = await ask(tools, 'Which deals are at risk this quarter?', NOW);
    explainOnFailure(answer);
    const { deals } = await api<{ deals: { nodes: { id: string }[] } }>(
      `{ deals(filter: { status: OPEN, period: "2026-Q4" }, first: 100) { nodes { id } } }`,
    );
    const open = new Set(deals.nodes.map((deal) => deal.id));
    const flagged = cited(answer.citations, 'Deal');
    expect(answer.understanding.intent).toBe('AT_RISK_DEALS');
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((id) => open.has(id))).toBe(true);
  });

  it('gives the pipeline and weighted forecast', async () => {
    const answer = await ask(tools, 'How is the pipeline looking for Q4?', NOW);
    explainOnFailure(answer);
    const { pipeline } = await api<{
      pipeline: { openAmount: number; weightedForecast: number; currency: string };
    }>(`{ pipeline(period: "2026-Q4") { openAmount weightedForecast currency } }`);
    expect(answer.text).toContain(formatMoney(pipeline.openAmount, pipeline.currency));
    expect(answer.text).toContain(formatMoney(pipeline.weightedForecast, pipeline.currency));
  });
});

describe('accounts, people, projects and OKRs', () => {
  it('tells what we know about an account and cites its memories', async () => {
    const answer = await ask(tools, 'What do we know about Alder Mutual?', NOW);
    explainOnFailure(answer);
    const { accounts } = await api<{ accounts: { nodes: { id: string }[] } }>(
      `{ accounts(search: "Alder Mutual", first: 1) { nodes { id } } }`,
    );
    const id = accounts.nodes[0]!.id;
    const { account } = await api<{
      account: { wonAmount: number; currency: string; memories: { id: string }[] };
    }>(`query ($id: ID!) { account(id: $id) { wonAmount currency memories(limit: 5) { id } } }`, { id });
    expect(answer.understanding.accounts).toEqual([{ id, name: 'Alder Mutual' }]);
    expect(cited(answer.citations, 'Account')).toEqual([id]);
    expect(answer.text).toContain(formatMoney(account.wonAmount, account.currency));
    const memories = cited(answer.citations, 'Memory');
    expect(memories.length).toBeGreaterThan(0);
    expect(memories).toContain(account.memories[0]!.id);
  });

  it('tells who a person is, with the deals they own', async () => {
    const answer = await ask(tools, 'Tell me about Malik Ito', NOW);
    explainOnFailure(answer);
    const { users } = await api<{
      users: { id: string; title: string; deals: { id: string; status: string }[] }[];
    }>(`{ users(search: "Malik Ito") { id title deals { id status } } }`);
    const person = users[0]!;
    expect(answer.understanding.people.map((p) => p.id)).toEqual([person.id]);
    expect(answer.text).toContain(person.title);
    const open = person.deals.filter((deal) => deal.status === 'OPEN').map((deal) => deal.id);
    expect(cited(answer.citations, 'Deal').every((id) => open.includes(id))).toBe(true);
  });

  it('finds a person by title', async () => {
    const answer = await ask(tools, 'Who is the CFO?', NOW);
    explainOnFailure(answer);
    const { users } = await api<{ users: { id: string; name: string; title: string }[] }>(
      `{ users(search: "Chief Financial Officer") { id name title } }`,
    );
    expect(answer.understanding.people.map((person) => person.id)).toEqual([users[0]!.id]);
    expect(answer.text).toContain(users[0]!.name);
  });

  it("gives a named project's status and what is remembered about it", async () => {
    const answer = await ask(tools, 'What is the status of the Billing system migration project?', NOW);
    explainOnFailure(answer);
    const { projects } = await api<{ projects: { id: string; name: string; status: string }[] }>(
      `{ projects { id name status } }`,
    );
    const project = projects.find((candidate) => candidate.name === 'Billing system migration')!;
    expect(cited(answer.citations, 'Project')).toEqual([project.id]);
    expect(answer.text).toContain(project.status.toLowerCase().replaceAll('_', ' '));
  });

  it('lists the at-risk projects as atRisk ranks them', async () => {
    const answer = await ask(tools, 'Which projects are at risk?', NOW);
    const { atRisk } = await api<{ atRisk: { id: string }[] }>(`{ atRisk { id } }`);
    expect(cited(answer.citations, 'Project')).toEqual(atRisk.map((project) => project.id));
  });

  it("gives the status of the quarter's objectives", async () => {
    const answer = await ask(tools, 'How are our OKRs doing this quarter?', NOW);
    const { objectives } = await api<{ objectives: { id: string; title: string }[] }>(
      `{ objectives(period: "2026-Q4") { id title } }`,
    );
    expect(cited(answer.citations, 'Objective')).toEqual(objectives.map((objective) => objective.id));
    for (const objective of objectives) expect(answer.text).toContain(objective.title);
  });
});

describe('what is remembered, and what is not known', () => {
  it('answers a policy question by quoting and citing the memory', async () => {
    const answer = await ask(tools, 'What is our discount approval policy?', NOW);
    explainOnFailure(answer);
    const memories = cited(answer.citations, 'Memory');
    expect(memories.length).toBeGreaterThan(0);
    const quoted = answer.memories.find((memory) => memory.id === memories[0]);
    expect(quoted?.content.toLowerCase()).toContain('discount');
  });

  it.each(['What was revenue from our Atlantis account?', "What is our office in Tokyo's budget?"])(
    'says "I don\'t know" to "%s", with no figure and no citation',
    async (question) => {
      const answer = await ask(tools, question, NOW);
      explainOnFailure(answer);
      expect(answer.text).toMatch(/^I don't know/);
      expect(answer.text).not.toMatch(/\$\s?\d|\d%/);
      expect(answer.citations).toEqual([]);
    },
  );
});

describe('earlier conversations', () => {
  it('does not take its own earlier answers for knowledge', async () => {
    // The pipeline remembers each exchange; a repeated question then retrieves the earlier one.
    const question = "What is our office in Tokyo's budget?";
    const content = `Asked Sophia: ${question}\nSophia answered: I don't know.`;
    await tools.call('Remember', { input: { content, kind: 'CONVERSATION', visibility: 'PRIVATE' } });
    const answer = await ask(tools, question, NOW);
    explainOnFailure(answer);
    expect(answer.memories.some((memory) => memory.kind === 'CONVERSATION')).toBe(true);
    expect(answer.text).toMatch(/^I don't know/);
    expect(answer.citations).toEqual([]);
  });
});

describe('streaming and caching', () => {
  it('stops writing when the request is aborted', async () => {
    const controller = new AbortController();
    let seen = 0;
    const answer = await ask(tools, 'What are our top deals this quarter?', NOW, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'TOKEN' && (seen += 1) === 3) controller.abort();
      },
    });
    expect(answer.tokens).toBe(3);
    expect(answer.citations).toEqual([]);
  });

  it('fetches the names once and serves later questions from the cache', async () => {
    await ask(tools, 'What do we know about Broadleaf Health?', NOW);
    const before = tools.calls.length;
    const answer = await ask(tools, 'What do we know about Broadleaf Health?', NOW);
    const names = tools.calls.slice(before).map((call) => call.name);
    expect(names).not.toContain('AccountDirectory');
    expect(names).not.toContain('PeopleDirectory');
    expect(names).toContain('Account');
    expect(answer.understanding.accounts.map((account) => account.name)).toEqual(['Broadleaf Health']);
  });
});
