import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Client } from 'graphql-ws';
import { generateCompany } from '@sophia/ops';
import { connect, record } from '../../gateway/tests/ws-client.ts';
import { freePort } from '../../ops/src/launcher/ports.ts';
import { ServiceProcess } from '../../ops/src/launcher/service-process.ts';
import { SUBGRAPHS } from '../../ops/src/launcher/stack.ts';
import { formatMoney } from '../../subgraphs/chat/src/analyst/index.ts';
import { startRedis } from '../../subgraphs/chat/tests/redis-server.ts';
import { startTestStack, TEST_ANCHOR, type RunningStack } from './stack-fixture.ts';

const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) {
  conversation { id } reply { id status } errors { code message } } }`;
const STREAM = `subscription Stream($id: ID!, $after: Int) { replyStream(messageId: $id, after: $after) {
  seq type delta toolCall { name ok }
  citation { __typename ... on Metric { id name } ... on Deal { id name } ... on Memory { id } ... on Account { id name } }
  error { code message }
  message { id status content citations { __typename ... on Metric { id } ... on Deal { id } ... on Memory { id } } } } }`;

interface ChatEvent {
  seq: number;
  type: string;
  delta: string | null;
  citation: { __typename: string; id: string; name?: string } | null;
  error: { code: string; message: string } | null;
  message: {
    id: string;
    status: string;
    content: string;
    citations: Array<{ __typename: string; id: string }>;
  } | null;
}

const textOf = (events: readonly ChatEvent[]) =>
  events
    .filter((event) => event.type === 'TOKEN')
    .map((event) => event.delta)
    .join('');
const cited = (events: readonly ChatEvent[], typename: string) =>
  events.filter((event) => event.citation?.__typename === typename).map((event) => event.citation!.id);

describe('the assistant through the gateway, every service its own process', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let stack: RunningStack;
  let token: string;
  const clients: Client[] = [];
  const extra: ServiceProcess[] = [];
  const explainOnFailure = () => onTestFailed(() => console.error(stack.logs.slice(-80).join('\n')));

  const socket = (graphqlUrl = stack.graphqlUrl) => {
    const client = connect(graphqlUrl, { authorization: `Bearer ${token}` });
    clients.push(client);
    return client;
  };

  const send = async (text: string) => {
    const { data, errors } = await stack.query(SEND, { token, variables: { input: { text } } });
    expect(errors).toBeUndefined();
    expect(data.sendMessage.errors).toEqual([]);
    expect(data.sendMessage.reply.status).toBe('STREAMING');
    return data.sendMessage.reply.id as string;
  };

  /** Follows a reply through a gateway; with `stopAfter`, leaves once that many events came. */
  const follow = async (
    messageId: string,
    options: { after?: number; stopAfter?: number; graphqlUrl?: string } = {},
  ): Promise<ChatEvent[]> => {
    const recording = record<{ replyStream: ChatEvent }>(socket(options.graphqlUrl), {
      query: STREAM,
      variables: { id: messageId, after: options.after ?? null },
    });
    if (options.stopAfter !== undefined) {
      const results = await recording.received(options.stopAfter);
      recording.stop();
      return results.map((result) => result.data!.replyStream);
    }
    const ending = await recording.ended;
    expect(ending).toEqual({ kind: 'completed' });
    const events = recording.results.map((result) => {
      expect(result.errors).toBeUndefined();
      return result.data!.replyStream;
    });
    expect(events.map((event) => event.seq)).toEqual(
      events.map((_, index) => index + (options.after ?? 0) + 1),
    );
    return events;
  };

  const ask = async (question: string) => {
    const events = await follow(await send(question));
    const last = events.at(-1)!;
    expect(last, JSON.stringify(last.error)).toMatchObject({ type: 'DONE', message: { status: 'COMPLETE' } });
    expect(last.message!.content).toBe(textOf(events));
    return events;
  };

  beforeAll(async () => {
    redis = await startRedis();
    stack = await startTestStack({ env: { REDIS_URL: redis.url } });
    token = await stack.login();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    for (const service of extra.reverse()) await service.stop();
    await stack?.stop();
    await redis?.stop();
  });

  it('answers “What were our Q3 revenue numbers?” with kpiCards’ Q3 revenue as money, citing Metric revenue', async () => {
    explainOnFailure();
    const { data } = await stack.query('{ kpiCards(period: "Q3") { value metric { id currency } } }', {
      token,
    });
    const revenue = data.kpiCards.find((card: { metric: { id: string } }) => card.metric.id === 'revenue');
    const events = await ask('What were our Q3 revenue numbers?');
    expect(textOf(events)).toContain(formatMoney(revenue.value, revenue.metric.currency));
    expect(cited(events, 'Metric')).toContain('revenue');
    expect(events.find((event) => event.citation?.id === 'revenue')?.citation?.name).toBeTruthy();
    expect(events.some((event) => event.type === 'TOOL_CALL')).toBe(true);
  });

  it('lists the same deals as topDeals for “What are our top deals this quarter?”', async () => {
    explainOnFailure();
    const { data } = await stack.query('{ topDeals(limit: 10) { id name } }', { token });
    const events = await ask('What are our top deals this quarter?');
    const deals = cited(events, 'Deal');
    expect(deals.length).toBeGreaterThanOrEqual(3);
    const top = data.topDeals.slice(0, deals.length) as Array<{ id: string; name: string }>;
    expect(deals).toEqual(top.map((deal) => deal.id));
    for (const deal of top) expect(textOf(events)).toContain(deal.name);
  });

  it('cites an account’s memories when asked about the account', async () => {
    explainOnFailure();
    const { data } = await stack.query(
      '{ accounts(first: 50) { nodes { id name memories(limit: 50) { id } } } }',
      { token },
    );
    const account = data.accounts.nodes.find((node: { memories: unknown[] }) => node.memories.length >= 2);
    expect(account).toBeTruthy();
    const events = await ask(`What do we know about ${account.name}?`);
    const memories = cited(events, 'Memory');
    const own = new Set(account.memories.map((memory: { id: string }) => memory.id));
    expect(memories.some((id) => own.has(id))).toBe(true);
    expect(textOf(events)).toContain(account.name);
  });

  it('streams a long answer, written once its data is in, to the end: three accounts in one question', async () => {
    explainOnFailure();
    const { data } = await stack.query(
      '{ accounts(first: 100) { nodes { id name memories(limit: 50) { id } } } }',
      { token },
    );
    // The three accounts Sophia remembers most about: the longest overviews.
    const accounts = (data.accounts.nodes as Array<{ id: string; name: string; memories: unknown[] }>)
      .sort((x, y) => y.memories.length - x.memories.length)
      .slice(0, 3);
    const [a, b, c] = accounts.map((account) => account.name);
    // The three overviews arrive together and are written in one go: the reader must not fall behind.
    const events = await ask(`Tell me about ${a}, ${b} and ${c}`);
    expect(textOf(events).split(/\s+/).length).toBeGreaterThan(300);
    expect(cited(events, 'Account')).toEqual(accounts.map((account) => account.id));
    for (const account of accounts) expect(textOf(events)).toContain(account.name);
  });

  it('says “I don’t know”, with no figure, about something the data does not hold', async () => {
    explainOnFailure();
    const events = await ask('What is the airspeed velocity of our office parrot?');
    const text = textOf(events);
    expect(text).toMatch(/I don['’]t know/);
    expect(text).not.toMatch(/\d/);
  });

  it('resumes a reply after a disconnect: the rest, no gap, no duplicate', async () => {
    explainOnFailure();
    const id = await send('What were our Q3 revenue numbers?');
    const head = await follow(id, { stopAfter: 3 });
    const tail = await follow(id, { after: head.at(-1)!.seq });
    const whole = await follow(id);
    expect([...head, ...tail]).toEqual(whole);
    expect(whole.at(-1)?.type).toBe('DONE');
  });

  it('serves the stream from a second chat process and gateway sharing Redis', async () => {
    explainOnFailure();
    const ports = { chat: await freePort(), gateway: await freePort() };
    const env = {
      SOPHIA_DATA_DIR: mkdtempSync(join(tmpdir(), 'sophia-chat2-')),
      SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
      LOG_LEVEL: 'warn',
      REDIS_URL: redis.url,
    };
    const sink = (service: string, line: string) => stack.logs.push(`${service}: ${line}`);
    const chat2 = new ServiceProcess(
      {
        name: 'chat-2',
        entry: 'subgraphs/chat/src/index.ts',
        port: ports.chat,
        env: { ...env, SOPHIA_GATEWAY_URL: stack.gateway.url },
      },
      sink,
    );
    extra.push(chat2);
    await chat2.start();
    const routes = SUBGRAPHS.map(({ name }) =>
      name === 'chat' ? `chat=${chat2.url}/graphql` : `${name}=${stack.subgraphs[name].url}/graphql`,
    );
    const gateway2 = new ServiceProcess(
      {
        name: 'gateway-2',
        entry: 'gateway/src/index.ts',
        port: ports.gateway,
        env: { ...env, SUBGRAPH_URLS: routes.join(',') },
      },
      sink,
    );
    extra.push(gateway2);
    await gateway2.start();
    const otherGateway = `${gateway2.url}/graphql`;

    // Written by the first chat process (behind the first gateway), read through the second.
    const id = await send('What were our Q3 revenue numbers?');
    const head = await follow(id, { stopAfter: 2 });
    const tail = await follow(id, { after: head.at(-1)!.seq, graphqlUrl: otherGateway });
    const whole = await follow(id);
    expect([...head, ...tail]).toEqual(whole);
    expect(await follow(id, { graphqlUrl: otherGateway })).toEqual(whole);
    expect(tail.at(-1)).toMatchObject({
      type: 'DONE',
      message: { id, status: 'COMPLETE', content: textOf(whole) },
    });

    // The second process serves it from Redis alone: the process that wrote it is gone.
    await stack.subgraphs.chat.stop();
    expect(await follow(id, { after: 1, graphqlUrl: otherGateway })).toEqual(whole.slice(1));

    // Someone else may not follow it there either.
    const other = await stack.login(generateCompany({ anchor: TEST_ANCHOR }).users[1]!.email);
    const foreign = record<{ replyStream: ChatEvent }>(
      connect(otherGateway, { authorization: `Bearer ${other}` }),
      { query: STREAM, variables: { id } },
    );
    await foreign.ended;
    expect(foreign.results).toMatchObject([{ errors: [{ extensions: { code: 'NOT_FOUND' } }] }]);
    expect(foreign.results[0]?.data ?? null).toBeNull();
  });
});
