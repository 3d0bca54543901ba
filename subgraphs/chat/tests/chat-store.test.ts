import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestDeadline, type Clock } from '@sophia/kit';
import { CEO } from '@sophia/kit/testing';
import {
  STORE_BACKENDS,
  startStoreBackend,
  type StoreBackend,
} from '../../kit/tests/store-contract-backends.ts';
import { loadChatConfig } from '../src/env.ts';
import { ChatStore, type Exchange } from '../src/store.ts';

const OWNER = CEO.userId!;
const OTHER = 'usr_002';

/** A fixed instant with milliseconds: the store's clock steps a millisecond past it on every write. */
const clock: Clock = {
  now: () => new Date('2026-12-07T12:34:56.789Z'),
  today: () => '2026-12-07',
};

// On each store backend: what starting an exchange returns is what the store reads back afterwards.
describe.each(STORE_BACKENDS)('starting an exchange on %s', (dialect) => {
  let backend: StoreBackend;
  let store: ChatStore;

  beforeAll(async () => {
    backend = await startStoreBackend(dialect);
    store = await ChatStore.open(loadChatConfig({ ...backend.env, LOG_LEVEL: 'silent' }), { clock });
  });
  afterAll(async () => {
    await store?.close();
    await backend?.close();
  });

  /** The exchange's rows as a later read returns them. */
  const readBack = async (exchange: Exchange) => {
    const [conversation] = await store.conversationsByIds(OWNER, [exchange.conversation.id]);
    const ids = [exchange.userMessage.id, exchange.reply.id];
    const messages = await store.messagesByIds(OWNER, ids);
    return {
      conversation,
      userMessage: messages.find((message) => message.id === ids[0]),
      reply: messages.find((message) => message.id === ids[1]),
    };
  };

  it('returns a new conversation and its messages exactly as they are read afterwards', async () => {
    const exchange = await store.startExchange({
      ownerId: OWNER,
      conversation: null,
      title: 'Bookings?',
      question: 'How are bookings?',
    });
    expect(await readBack(exchange)).toEqual(exchange);
    expect(exchange).toMatchObject({
      conversation: { ownerId: OWNER, title: 'Bookings?', updatedAt: exchange.reply.createdAt },
      userMessage: { role: 'USER', status: 'COMPLETE', content: 'How are bookings?', citations: [] },
      reply: { role: 'ASSISTANT', status: 'STREAMING', content: '', citations: [] },
    });
    expect(exchange.conversation.createdAt).toBe(exchange.userMessage.createdAt);
    expect(exchange.userMessage.createdAt).toMatch(/^2026-12-07T12:34:56\.\d{3}Z$/);
    expect(exchange.reply.createdAt > exchange.userMessage.createdAt).toBe(true);
  });

  it('returns a continued conversation moved to its latest message, as it is read afterwards', async () => {
    const asked = await store.createConversation({ ownerId: OWNER, title: 'Pipeline review' });
    const exchange = await store.startExchange({
      ownerId: OWNER,
      conversation: asked,
      title: 'Ignored for a continued conversation',
      question: 'And the risks?',
    });
    expect(await readBack(exchange)).toEqual(exchange);
    expect(exchange.conversation).toEqual({ ...asked, updatedAt: exchange.reply.createdAt });
    expect(exchange.conversation.updatedAt > asked.updatedAt).toBe(true);
  });

  it('refuses to continue someone else’s conversation, writing nothing', async () => {
    const theirs = await store.createConversation({ ownerId: OTHER, title: 'My private thoughts' });
    const continuing = store.startExchange({
      ownerId: OWNER,
      conversation: theirs,
      title: 'Mine now',
      question: 'What did they write?',
    });
    await expect(continuing).rejects.toThrow(`Conversation ${theirs.id} is not theirs.`);
    expect(await store.conversationsByIds(OTHER, [theirs.id])).toEqual([theirs]);
    expect(await store.messagesOfConversations([theirs.id], null)).toEqual([]);
  });

  it('reads a conversation with its latest messages in one go, as the two reads it replaces do', async () => {
    const first = await store.startExchange({
      ownerId: OWNER,
      conversation: null,
      title: 'ARR?',
      question: 'How is ARR trending?',
    });
    await store.updateMessage(first.reply.id, { content: 'ARR is up.', status: 'COMPLETE' });
    const second = await store.startExchange({
      ownerId: OWNER,
      conversation: first.conversation,
      title: 'ignored',
      question: 'And last quarter?',
    });
    const { id } = second.conversation;
    expect(await store.conversationWithRecentMessages(OWNER, id, 20)).toEqual({
      conversation: (await store.conversationsByIds(OWNER, [id]))[0],
      messages: await store.messagesOfConversations([id], 20),
    });
    const latest = await store.conversationWithRecentMessages(OWNER, id, 3);
    expect(latest?.messages.map((message) => message.content)).toEqual([
      'ARR is up.',
      'And last quarter?',
      '',
    ]);
    const empty = await store.createConversation({ ownerId: OWNER, title: 'Nothing yet' });
    expect(await store.conversationWithRecentMessages(OWNER, empty.id, 20)).toEqual({
      conversation: empty,
      messages: [],
    });
    // Someone else's conversation reads exactly like one that does not exist.
    expect(await store.conversationWithRecentMessages(OTHER, id, 20)).toBeNull();
    expect(await store.conversationWithRecentMessages(OWNER, 'cnv_missing', 20)).toBeNull();
  });

  it('sends into a conversation in one transaction: its recent turns read, the exchange written', async () => {
    const first = await store.sendIntoConversation({
      ownerId: OWNER,
      conversationId: null,
      title: 'Pipeline?',
      question: 'How is the pipeline?',
      historyTurns: 20,
    });
    expect(first?.history).toEqual([]);
    expect(await readBack(first!.exchange)).toEqual(first!.exchange);
    const { id } = first!.exchange.conversation;
    const second = await store.sendIntoConversation({
      ownerId: OWNER,
      conversationId: id,
      title: 'ignored',
      question: 'And in EMEA?',
      historyTurns: 20,
    });
    expect(second?.history).toEqual([first!.exchange.userMessage, first!.exchange.reply]);
    expect(second?.exchange.conversation).toEqual({
      ...first!.exchange.conversation,
      updatedAt: second!.exchange.reply.createdAt,
    });
    expect(await readBack(second!.exchange)).toEqual(second!.exchange);
    // Someone else's conversation, or none: null, and nothing is written.
    const before = await store.messagesOfConversations([id], null);
    const theirs = { ownerId: OTHER, conversationId: id, title: 't', question: 'Mine?', historyTurns: 20 };
    expect(await store.sendIntoConversation(theirs)).toBeNull();
    expect(await store.sendIntoConversation({ ...theirs, conversationId: 'cnv_missing' })).toBeNull();
    expect(await store.messagesOfConversations([id], null)).toEqual(before);
  });

  it('returns a finished reply exactly as it is read afterwards', async () => {
    const { reply } = await store.startExchange({
      ownerId: OWNER,
      conversation: null,
      title: 'Revenue?',
      question: 'What was revenue?',
    });
    const finished = await store.updateMessage(reply.id, {
      content: 'Revenue came to **$7,992,709**.',
      status: 'COMPLETE',
      citations: [{ typename: 'Metric', id: 'revenue' }],
    });
    expect(finished).toEqual({
      ...reply,
      content: 'Revenue came to **$7,992,709**.',
      status: 'COMPLETE',
      citations: [{ typename: 'Metric', id: 'revenue' }],
    });
    expect(await store.messagesByIds(OWNER, [reply.id])).toEqual([finished]);
  });

  it('writes nothing when the request has given up before COMMIT', async () => {
    let now = 0;
    const deadline = createRequestDeadline({ budgetMs: 60_000, now: () => now });
    now = 60_000; // the request's time is up by the time the transaction would commit
    const before = await store.listConversations(OWNER, 100);
    const starting = store.startExchange(
      { ownerId: OWNER, conversation: null, title: 'Too late', question: 'Too late?' },
      deadline,
    );
    await expect(starting).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED' } });
    expect(await store.listConversations(OWNER, 100)).toEqual(before);
  });
});
