import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, createLogger, type Viewer } from '@sophia/kit';
import { CEO, TEST_ANCHOR, startSubgraph, type RunningSubgraph } from '@sophia/kit/testing';
import { seedDemo } from '@sophia/ops/seed';
import {
  STORE_BACKENDS,
  startStoreBackend,
  type StoreBackend,
} from '../../kit/tests/store-contract-backends.ts';
import { loadChatConfig } from '../src/env.ts';
import type { ConversationRow, MessageRow } from '../src/store.ts';
import { createChatSubgraph, type ChatSubgraph, type ChatSubgraphOptions } from '../src/subgraph.ts';

const OTHER: Viewer = { userId: 'usr_002', roles: ['member'], scopes: [] };

/** Chat on the backend's store (the demo's clock seeded first), as `npm start` opens it. */
const start = async (backend: StoreBackend, options: Pick<ChatSubgraphOptions, 'lease'> = {}) => {
  const config = loadChatConfig({ ...backend.env, SOPHIA_DEMO_ANCHOR: TEST_ANCHOR, LOG_LEVEL: 'silent' });
  await seedDemo({ dataDir: config.SOPHIA_DATA_DIR, anchor: TEST_ANCHOR, only: ['chat'], snowflake: config });
  return createChatSubgraph(config, { logger: createLogger('chat', 'silent'), ...options });
};

const codeOf = (response: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  response.errors?.[0]?.extensions?.['code'];

// On each store backend: embedded DuckDB, and the FAKE Snowflake through snowflake-sdk (the SQL is shared).
describe.each(STORE_BACKENDS)('chat subgraph on %s', (dialect) => {
  let backend: StoreBackend;
  let chat: ChatSubgraph;
  let running: RunningSubgraph;
  let planning: ConversationRow;
  let pipeline: ConversationRow;
  let othersConversation: ConversationRow;
  let question: MessageRow;
  let answer: MessageRow;
  let othersMessage: MessageRow;

  beforeAll(async () => {
    backend = await startStoreBackend(dialect);
    chat = await start(backend);
    running = await startSubgraph(chat);
    const { store } = chat;
    planning = await store.createConversation({ ownerId: CEO.userId!, title: 'Q4 planning' });
    pipeline = await store.createConversation({ ownerId: CEO.userId!, title: 'Pipeline review' });
    othersConversation = await store.createConversation({
      ownerId: OTHER.userId!,
      title: 'My private thoughts',
    });
    question = await store.appendMessage({
      conversationId: planning.id,
      role: 'USER',
      content: 'How is Q4 going?',
    });
    answer = await store.appendMessage({
      conversationId: planning.id,
      role: 'ASSISTANT',
      content: 'Bookings are **ahead** of target.',
      status: 'STREAMING',
      citations: [
        { typename: 'Metric', id: 'bookings' },
        { typename: 'Deal', id: 'deal_0007' },
        { typename: 'Memory', id: 'mem_42' },
      ],
    });
    await store.appendMessage({ conversationId: planning.id, role: 'USER', content: 'And the risks?' });
    othersMessage = await store.appendMessage({
      conversationId: othersConversation.id,
      role: 'USER',
      content: 'Should I resign?',
    });
  });

  afterAll(async () => {
    await running.close();
    await backend.close();
  });

  it('lists only the viewer’s conversations, most recently active first', async () => {
    const query = '{ conversations { id title owner { id } createdAt updatedAt } }';
    const mine = await running.request<{ conversations: Array<{ id: string; owner: { id: string } }> }>(
      query,
    );
    expect(mine.data?.conversations.map((c) => c.id)).toEqual([planning.id, pipeline.id]);
    expect(mine.data?.conversations[0]?.owner).toEqual({ id: CEO.userId });

    const theirs = await running.request<{ conversations: Array<{ id: string }> }>(query, { viewer: OTHER });
    expect(theirs.data?.conversations.map((c) => c.id)).toEqual([othersConversation.id]);

    const firstOnly = await running.request<{ conversations: Array<{ id: string }> }>(
      '{ conversations(first: 1) { id } }',
    );
    expect(firstOnly.data?.conversations.map((c) => c.id)).toEqual([planning.id]);
  });

  it('moves a conversation to the top when a message is appended', async () => {
    const added = await chat.store.appendMessage({
      conversationId: pipeline.id,
      role: 'USER',
      content: 'Top deals?',
    });
    const response = await running.request<{ conversations: Array<{ id: string; updatedAt: string }> }>(
      '{ conversations { id updatedAt } }',
    );
    expect(response.data?.conversations.map((c) => c.id)).toEqual([pipeline.id, planning.id]);
    expect(response.data?.conversations[0]?.updatedAt).toBe(added.createdAt);
    expect(Date.parse(added.createdAt)).toBeGreaterThan(Date.parse(pipeline.createdAt));
    // Times read back as ISO 8601 with milliseconds, in UTC, whatever the store's dialect.
    for (const at of [added.createdAt, pipeline.createdAt, pipeline.updatedAt]) {
      expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it('refuses `first` outside 1..100', async () => {
    for (const first of [0, 101, -3]) {
      const response = await running.request('query($first: Int){ conversations(first: $first) { id } }', {
        variables: { first },
      });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.['argument']).toBe('first');
    }
  });

  it('returns a conversation to its owner only, and null for an unknown id', async () => {
    const query = 'query($id: ID!){ conversation(id: $id) { id title } }';
    const own = await running.request(query, { variables: { id: planning.id } });
    expect(own.data).toEqual({ conversation: { id: planning.id, title: 'Q4 planning' } });
    const foreign = await running.request(query, { variables: { id: othersConversation.id } });
    expect(foreign.data).toEqual({ conversation: null });
    const unknown = await running.request(query, { variables: { id: 'cnv_nope' } });
    expect(unknown.data).toEqual({ conversation: null });
  });

  it('lists messages oldest first, and `last` keeps the most recent ones', async () => {
    type Messages = { conversation: { messages: Array<{ id: string; role: string; content: string }> } };
    const query =
      'query($id: ID!, $last: Int){ conversation(id: $id) { messages(last: $last) { id role content } } }';
    const all = await running.request<Messages>(query, { variables: { id: planning.id } });
    expect(all.data?.conversation.messages.map((m) => [m.role, m.content])).toEqual([
      ['USER', 'How is Q4 going?'],
      ['ASSISTANT', 'Bookings are **ahead** of target.'],
      ['USER', 'And the risks?'],
    ]);
    const lastTwo = await running.request<Messages>(query, { variables: { id: planning.id, last: 2 } });
    expect(lastTwo.data?.conversation.messages.map((m) => m.content)).toEqual([
      'Bookings are **ahead** of target.',
      'And the risks?',
    ]);
    const bad = await running.request(query, { variables: { id: planning.id, last: 0 } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.['argument']).toBe('last');
  });

  it('resolves citations to typed entity references, in the order stored', async () => {
    const response = await running.request<{ _entities: Array<{ citations: unknown[] }> }>(
      `query($r: [_Any!]!){ _entities(representations: $r) { ... on Message {
        citations { __typename ... on Metric { id } ... on Deal { id } ... on Memory { id } } } } }`,
      { variables: { r: [{ __typename: 'Message', id: answer.id }] } },
    );
    expect(response.data?._entities[0]?.citations).toEqual([
      { __typename: 'Metric', id: 'bookings' },
      { __typename: 'Deal', id: 'deal_0007' },
      { __typename: 'Memory', id: 'mem_42' },
    ]);
  });

  it('resolves Message and Conversation entities for their owner only', async () => {
    const query = `query($r: [_Any!]!){ _entities(representations: $r) {
      ... on Message { id role status conversation { id title } }
      ... on Conversation { id title messages(last: 1) { content } } } }`;
    const r = [
      { __typename: 'Message', id: question.id },
      { __typename: 'Message', id: othersMessage.id },
      { __typename: 'Conversation', id: planning.id },
      { __typename: 'Conversation', id: othersConversation.id },
      { __typename: 'Message', id: 'msg_unknown' },
    ];
    const asOwner = await running.request<{ _entities: unknown[] }>(query, { variables: { r } });
    expect(asOwner.errors).toBeUndefined();
    expect(asOwner.data?._entities).toEqual([
      {
        id: question.id,
        role: 'USER',
        status: 'COMPLETE',
        conversation: { id: planning.id, title: 'Q4 planning' },
      },
      null,
      { id: planning.id, title: 'Q4 planning', messages: [{ content: 'And the risks?' }] },
      null,
      null,
    ]);
    const asOther = await running.request<{ _entities: unknown[] }>(query, {
      variables: { r },
      viewer: OTHER,
    });
    expect(asOther.data?._entities).toEqual([
      null,
      {
        id: othersMessage.id,
        role: 'USER',
        status: 'COMPLETE',
        conversation: { id: othersConversation.id, title: 'My private thoughts' },
      },
      null,
      {
        id: othersConversation.id,
        title: 'My private thoughts',
        messages: [{ content: 'Should I resign?' }],
      },
      null,
    ]);
  });

  it('shows a reply as the pipeline updates it', async () => {
    const updated = await chat.store.updateMessage(answer.id, {
      content: 'Bookings are **ahead** of target by 4%.',
      status: 'COMPLETE',
    });
    expect(updated).toMatchObject({ status: 'COMPLETE', citations: answer.citations });
    const response = await running.request(
      'query($r: [_Any!]!){ _entities(representations: $r) { ... on Message { content status } } }',
      { variables: { r: [{ __typename: 'Message', id: answer.id }] } },
    );
    expect(response.data).toEqual({
      _entities: [{ content: 'Bookings are **ahead** of target by 4%.', status: 'COMPLETE' }],
    });
    expect(await chat.store.updateMessage('msg_unknown', { status: 'FAILED' })).toBeNull();
  });

  it('refuses an anonymous viewer', async () => {
    for (const query of [
      '{ conversations { id } }',
      `{ conversation(id: "${planning.id}") { id } }`,
      `{ _entities(representations: [{ __typename: "Conversation", id: "${planning.id}" }]) { ... on Conversation { id } } }`,
      `{ _entities(representations: [{ __typename: "Message", id: "${question.id}" }]) { ... on Message { id } } }`,
    ]) {
      const response = await running.request(query, { viewer: ANONYMOUS });
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(response.data ?? null)).not.toContain('Q4');
    }
  });

  it('keeps conversations across a restart on the same store, failing a reply whose writer stopped', async () => {
    const cut = await chat.store.appendMessage({
      conversationId: othersConversation.id,
      role: 'ASSISTANT',
      content: 'Half an',
      status: 'STREAMING',
    });
    await running.close();
    // Restarted a lease later: on Snowflake a reply is failed once its writer's lease ran out unrenewed (on
    // DuckDB, whose file one process holds, at once).
    const lease = { clock: { now: () => new Date(Date.now() + 61_000), today: () => TEST_ANCHOR } };
    chat = await start(backend, { lease });
    running = await startSubgraph(chat);
    const [failed] = await chat.store.messagesByIds(OTHER.userId!, [cut.id]);
    expect(failed).toMatchObject({ status: 'FAILED', content: 'Half an' });
    expect(chat.store.today).toBe(TEST_ANCHOR);
    const response = await running.request<{ conversations: Array<{ id: string }> }>(
      '{ conversations { id } }',
    );
    expect(response.data?.conversations.map((c) => c.id)).toEqual([pipeline.id, planning.id]);
  });
});
