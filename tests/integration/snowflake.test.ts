import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { generateCompany } from '@sophia/ops';
import { startTestStack, TEST_ANCHOR, type RunningStack } from './stack-fixture.ts';

/**
 * The stack with every store on the FAKE Snowflake, each service given the SNOWFLAKE_* variables as
 * `npm start` gives them: a representative few of the scenarios the rest of the suite runs in full on
 * DuckDB — reads across subgraphs, a write that travels from sales to kpi, the assistant, memory, restarts.
 * Any other file runs this way with SOPHIA_TEST_STORE=snowflake.
 */
const SERVICES = ['chat', 'memory', 'kpi', 'project', 'sales'] as const;

const NUMBERS = `query Numbers($period: String!) {
  bookings: metric(id: "new_bookings") { value(period: $period) }
  pipeline(period: $period) { wonCount wonAmount }
  objectives(period: $period) { keyResults { currentValue metric { value(period: $period) } } }
}`;

/** An open deal closing after this quarter: winning it today books it in this quarter. */
const [later] = generateCompany({ anchor: TEST_ANCHOR })
  .deals.filter((deal) => deal.stage === 'QUALIFICATION' && deal.closeDate > '2026-12-31')
  .sort((a, b) => b.amount - a.amount);
const QUARTER = '2026-Q4';
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('the federation with every store on the FAKE Snowflake', () => {
  let stack: RunningStack;
  let token: string;
  const explainOnFailure = () => onTestFailed(() => console.error(stack.logs.slice(-60).join('\n')));

  beforeAll(async () => {
    // Deal changes reach kpi by its catch-up from sales' outbox (no Redis here), every second.
    stack = await startTestStack({ store: 'snowflake', env: { DEAL_CHANGES_CATCH_UP_SECONDS: '1' } });
    token = await stack.login();
  });
  afterAll(() => stack?.stop());

  it('keeps every store in the warehouse, none in the data dir', () => {
    // Each store's sessions are tagged with its name; a service on DuckDB would have made <name>.duckdb.
    const tags = new Set(stack.snowflake!.logins().map((login) => login.sessionParameters['QUERY_TAG']));
    for (const service of SERVICES) expect(tags, service).toContain(`sophia-${service}`);
    expect(readdirSync(stack.dataDir).filter((file) => file.endsWith('.duckdb'))).toEqual([]);
  });

  it('answers from kpi, sales and project with numbers that agree', async () => {
    explainOnFailure();
    const { data, errors } = await stack.query(NUMBERS, { token, variables: { period: '2026-Q3' } });
    expect(errors).toBeUndefined();
    expect(data.bookings.value).toBeGreaterThan(0);
    expect(data.bookings.value).toBeCloseTo(data.pipeline.wonAmount, 2);
    const tracked = data.objectives.flatMap((o: any) => o.keyResults).filter((kr: any) => kr.metric);
    expect(tracked.length).toBeGreaterThan(0);
    for (const kr of tracked) expect(kr.currentValue).toBeCloseTo(kr.metric.value, 2);
  });

  it('moves a deal: sales records it with its history, and kpi’s bookings follow by exactly its amount', async () => {
    explainOnFailure();
    const numbers = async () =>
      (await stack.query(NUMBERS, { token, variables: { period: QUARTER } })).data as {
        bookings: { value: number };
        pipeline: { wonCount: number; wonAmount: number };
      };
    const before = await numbers();
    const moved = await stack.query(
      `mutation($id: ID!) { moveDealStage(id: $id, stage: CLOSED_WON) {
         deal { stage status stageHistory { stage enteredAt } account { wonAmount } } errors { code } } }`,
      { token, variables: { id: later!.id } },
    );
    expect(moved.errors).toBeUndefined();
    const { deal } = moved.data.moveDealStage;
    expect(deal).toMatchObject({ stage: 'CLOSED_WON', status: 'WON' });
    expect(deal.stageHistory.at(-1)).toEqual({ stage: 'CLOSED_WON', enteredAt: TEST_ANCHOR });
    await expect
      .poll(async () => (await numbers()).bookings.value, { timeout: 60_000, interval: 250 })
      .toBeCloseTo(before.bookings.value + later!.amount, 2);
    const after = await numbers();
    expect(after.pipeline.wonCount).toBe(before.pipeline.wonCount + 1);
    expect(after.bookings.value).toBeCloseTo(after.pipeline.wonAmount, 2);
  });

  it('answers in the assistant from the warehouse, and keeps the conversation across a chat restart', async () => {
    explainOnFailure();
    const sent = await stack.query(
      `mutation($text: String!) { sendMessage(input: { text: $text }) {
         conversation { id } reply { id status } errors { code } } }`,
      { token, variables: { text: 'What were our Q3 revenue numbers?' } },
    );
    expect(sent.data.sendMessage.errors).toEqual([]);
    const id = sent.data.sendMessage.conversation.id as string;
    const conversation = async () =>
      (
        await stack.query(
          `query($id: ID!) { conversation(id: $id) { id createdAt updatedAt
             messages { role status content citations { __typename ... on Metric { id } } } } }`,
          { token, variables: { id } },
        )
      ).data.conversation;
    await expect
      .poll(async () => (await conversation()).messages.at(-1).status, { timeout: 60_000, interval: 250 })
      .toBe('COMPLETE');
    const answered = await conversation();
    expect(answered.messages.map((m: { role: string }) => m.role)).toEqual(['USER', 'ASSISTANT']);
    expect(answered.messages[1].content).toMatch(/Revenue/);
    expect(answered.messages[1].citations).toContainEqual({ __typename: 'Metric', id: 'revenue' });
    expect([answered.createdAt, answered.updatedAt].every((at: string) => ISO_TIME.test(at))).toBe(true);

    await stack.subgraphs.chat.stop();
    await stack.subgraphs.chat.start();
    expect(await conversation()).toEqual(answered);
  });

  it('searches memories and keeps what was remembered across a memory restart', async () => {
    explainOnFailure();
    const content = `Warehouse note ${Date.now()}: the Lisbon office opens in May.`;
    const remembered = await stack.query(
      'mutation($c: String!) { remember(input: { content: $c, visibility: PRIVATE }) { memory { id } errors { code } } }',
      { token, variables: { c: content } },
    );
    const id = remembered.data.remember.memory.id as string;
    await stack.subgraphs.memory.stop();
    await stack.subgraphs.memory.start();
    const { data, errors } = await stack.query(
      `query($id: ID!) { memory(id: $id) { content }
         searchMemories(query: "Lisbon office opens", limit: 3) { memory { id } } }`,
      { token, variables: { id } },
    );
    expect(errors).toBeUndefined();
    expect(data.memory.content).toBe(content);
    expect(data.searchMemories.map((hit: { memory: { id: string } }) => hit.memory.id)).toContain(id);
  });
});
