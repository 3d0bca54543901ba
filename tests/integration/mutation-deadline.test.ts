import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { generateCompany } from '@sophia/ops';
import { startTestStack, TEST_ANCHOR, type RunningStack } from './stack-fixture.ts';

/**
 * A mutation the gateway gave up on is never applied behind its caller's back. Every subgraph's commits are
 * stalled 3 s (the development-only test hook); the gateway waits 2 s for sales and chat, and 30 s for memory
 * so that a busy machine still commits there in time.
 */
const COMMIT_DELAY_MS = 3_000;
const LATE_MOVE = `mutation LateMove($id: ID!) { moveDealStage(id: $id, stage: QUALIFICATION) { errors { code } } }`;
const DEAL_STAGE = `query DealStage($id: ID!) { deal(id: $id) { stage stageHistory { stage } } }`;
const REMEMBER = `mutation SlowRemember($content: String!) {
  remember(input: { content: $content, visibility: PRIVATE }) { memory { id content } errors { code } }
}`;
const MEMORY = `query MemoryNow($id: ID!) { memory(id: $id) { content } }`;
const LATE_SEND = `mutation LateSend($text: String!) { sendMessage(input: { text: $text }) { reply { id } } }`;
const CONVERSATIONS = `query Conversations { conversations(first: 100) { title } }`;

const prospect = generateCompany({ anchor: TEST_ANCHOR }).deals.find((deal) => deal.stage === 'PROSPECTING')!;

describe('mutations and the gateway timeout, every service its own process', () => {
  let stack: RunningStack;
  let token: string;
  const explainOnFailure = () => onTestFailed(() => console.error(stack.logs.slice(-60).join('\n')));
  /**
   * How many of the subgraph operations the gateway planned for `operation` (named `<operation>__<subgraph>__<n>`)
   * the service has finished with `outcome`.
   */
  const finished = async (service: string, operation: string, outcome: 'ok' | 'error') => {
    const text = await (await fetch(`${service}/metrics`)).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith('sophia_graphql_operation_duration_seconds_count{'))
      .filter((line) => line.includes(`operation="${operation}__`) && line.includes(`outcome="${outcome}"`))
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  };

  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        SUBGRAPH_TIMEOUTS: 'sales=2000,chat=2000,memory=30000',
        SOPHIA_TEST_COMMIT_DELAY_MS: String(COMMIT_DELAY_MS),
      },
    });
    token = await stack.login();
  });
  afterAll(() => stack?.stop());

  it('tells the caller a slow move timed out, and the move never lands afterwards', async () => {
    explainOnFailure();
    const late = await stack.query(LATE_MOVE, { token, variables: { id: prospect.id } });
    expect(late.data?.moveDealStage ?? null).toBeNull();
    expect(late.errors?.[0]).toMatchObject({
      message: 'The sales service did not answer in time.',
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'sales' },
    });
    // Sales finishes the stalled write (3 s) after the gateway gave up (2 s): it ends in an error, rolled back.
    await expect
      .poll(() => finished(stack.subgraphs.sales.url, 'LateMove', 'error'), {
        timeout: 60_000,
        interval: 200,
      })
      .toBe(1);
    expect(await finished(stack.subgraphs.sales.url, 'LateMove', 'ok')).toBe(0);
    // And the deal stays where it was, read after read.
    for (let read = 0; read < 10; read += 1) {
      const now = await stack.query(DEAL_STAGE, { token, variables: { id: prospect.id } });
      expect(now.data.deal.stage).toBe('PROSPECTING');
      expect(now.data.deal.stageHistory.map((step: { stage: string }) => step.stage)).not.toContain(
        'QUALIFICATION',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  });

  it('neither stores nor answers a message whose sending timed out', async () => {
    explainOnFailure();
    const text = `Asked too late ${Date.now()}: which deals closed this week?`;
    const late = await stack.query(LATE_SEND, { token, variables: { text } });
    expect(late.errors?.[0]).toMatchObject({
      message: 'The chat service did not answer in time.',
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'chat' },
    });
    await expect
      .poll(() => finished(stack.subgraphs.chat.url, 'LateSend', 'error'), { timeout: 60_000, interval: 200 })
      .toBe(1);
    expect(await finished(stack.subgraphs.chat.url, 'LateSend', 'ok')).toBe(0);
    for (let read = 0; read < 5; read += 1) {
      const listed = await stack.query(CONVERSATIONS, { token });
      expect(listed.errors).toBeUndefined();
      expect(listed.data.conversations.map((c: { title: string }) => c.title).join('\n')).not.toContain(
        'Asked too late',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  });

  it('still commits a slow mutation that finishes within the gateway timeout', async () => {
    explainOnFailure();
    const content = `A note written through a slow store ${Date.now()}`;
    const slow = await stack.query(REMEMBER, { token, variables: { content } });
    expect(slow.errors).toBeUndefined();
    expect(slow.data.remember.errors).toEqual([]);
    const { id } = slow.data.remember.memory;
    const stored = await stack.query(MEMORY, { token, variables: { id } });
    expect(stored.data.memory).toEqual({ content });
  });
});
