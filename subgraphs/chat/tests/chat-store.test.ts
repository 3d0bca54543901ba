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

// On each store backend: what sending a message writes is what the store reads back afterwards.
describe.each(STORE_BACKENDS)('sending a message on %s', (dialect) => {
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

  /** Sends `question` as the owner into `conversationId`, or a new conversation; the exchange written. */
  const sendWithTurns = async (question: string, conversationId: string | null = null) => {
    const sent = await store.sendIntoConversation({
      ownerId: OWNER,
      conversationId,
      title: `${question} (title)`,
      question,
      historyTurns: 20,
    });
    if (!sent) throw new Error(`The owner has no conversation ${conversationId}.`);
    return sent;
  };
  const send = async (question: string, conversationId: string | null = null) =>
    (await sendWithTurns(question, conversationId)).exchange;

  it('returns a new conversation and its messages exactly as they are read afterwards', async () => {
    const exchange = await send('How are bookings?');
    expect(await readBack(exchange)).toEqual(exchange);
    expect(exchange).toMatchObject({
      conversation: {
        ownerId: OWNER,
        title: 'How are bookings? (title)',
        updatedAt: exchange.reply.createdAt,
      },
      userMessage: { role: 'USER', status: 'COMPLETE', content: 'How are bookings?', citations: [] },
      reply: { role: 'ASSISTANT', status: 'STREAMING', content: '', citations: [] },
    });
    expect(exchange.conversation.createdAt).toBe(exchange.userMessage.createdAt);
    expect(exchange.userMessage.createdAt).toMatch(/^2026-12-07T12:34:56\.\d{3}Z$/);
    expect(exchange.reply.createdAt > exchange.userMessage.createdAt).toBe(true);
  });

  it('returns a continued conversation moved to its latest message, as it is read afterwards', async () => {
    const asked = await store.createConversation({ ownerId: OWNER, title: 'Pipeline review' });
    const exchange = await send('And the risks?', asked.id);
    expect(await readBack(exchange)).toEqual(exchange);
    // A continued conversation keeps its title.
    expect(exchange.conversation).toEqual({ ...asked, updatedAt: exchange.reply.createdAt });
    expect(exchange.conversation.updatedAt > asked.updatedAt).toBe(true);
  });

  it('refuses someone else’s conversation exactly like a missing one, writing nothing', async () => {
    const theirs = await store.createConversation({ ownerId: OTHER, title: 'My private thoughts' });
    const into = (conversationId: string) =>
      store.sendIntoConversation({
        ownerId: OWNER,
        conversationId,
        title: 'Mine now',
        question: 'What?',
        historyTurns: 20,
      });
    expect(await into(theirs.id)).toBeNull();
    expect(await into('cnv_missing')).toBeNull();
    expect(await store.conversationsByIds(OTHER, [theirs.id])).toEqual([theirs]);
    expect(await store.messagesOfConversations([theirs.id], null)).toEqual([]);
  });

  it('reads the turns before a question: the latest complete ones, oldest first, none after it', async () => {
    const first = await send('How is ARR trending?');
    await store.updateMessage(first.reply.id, { content: 'ARR is up.', status: 'COMPLETE' });
    const { id } = first.conversation;
    const second = await send('And last quarter?', id);
    // A question sent while the second is answered: it is after the second's, so not among its turns.
    const third = await send('And in EMEA?', id);
    const before = (exchange: Exchange, last: number, ownerId = OWNER) =>
      store.turnsBefore(ownerId, id, exchange.userMessage.createdAt, last);
    expect(await before(first, 20)).toEqual([]);
    expect(await before(second, 20)).toEqual([
      { role: 'USER', content: 'How is ARR trending?' },
      { role: 'ASSISTANT', content: 'ARR is up.' },
    ]);
    // The second reply is still STREAMING, with no text: not a turn.
    expect(await before(third, 20)).toEqual([
      { role: 'USER', content: 'How is ARR trending?' },
      { role: 'ASSISTANT', content: 'ARR is up.' },
      { role: 'USER', content: 'And last quarter?' },
    ]);
    expect(await before(third, 2)).toEqual([
      { role: 'ASSISTANT', content: 'ARR is up.' },
      { role: 'USER', content: 'And last quarter?' },
    ]);
    await store.updateMessage(second.reply.id, { content: 'Cut short.', status: 'CANCELLED' });
    expect(await before(third, 20)).toHaveLength(3);
    // Another conversation's messages are never among them, and nobody else reads them.
    await send('Unrelated?');
    expect(await before(third, 20)).toHaveLength(3);
    expect(await before(third, 20, OTHER)).toEqual([]);
  });

  it('reads the turns a reply needs in the transaction that stores its question, never that question', async () => {
    const first = await send('How are bookings?');
    await store.updateMessage(first.reply.id, { content: 'Bookings are up.', status: 'COMPLETE' });
    const second = await sendWithTurns('And in EMEA?', first.conversation.id);
    expect(second.turns).toEqual([
      { role: 'USER', content: 'How are bookings?' },
      { role: 'ASSISTANT', content: 'Bookings are up.' },
    ]);
    expect((await sendWithTurns('A new one?')).turns).toEqual([]);
  });

  it('returns a finished reply exactly as it is read afterwards', async () => {
    const { reply } = await send('What was revenue?');
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

  it('returns a reply changed in part (its status alone) exactly as it is read afterwards', async () => {
    const { reply } = await send('What was ARR?');
    const written = await store.updateMessage(reply.id, {
      content: 'ARR was',
      citations: [{ typename: 'Metric', id: 'arr' }],
    });
    expect(written).toMatchObject({ status: 'STREAMING', content: 'ARR was' });
    const failed = await store.updateMessage(reply.id, { status: 'FAILED' });
    expect(failed).toEqual({ ...written, status: 'FAILED' });
    expect(await store.messagesByIds(OWNER, [reply.id])).toEqual([failed]);
  });

  it('writes nothing when the request has given up before COMMIT', async () => {
    let now = 0;
    const deadline = createRequestDeadline({ budgetMs: 60_000, now: () => now });
    now = 60_000; // the request's time is up by the time the transaction would commit
    const before = await store.listConversations(OWNER, 100);
    const starting = store.sendIntoConversation(
      { ownerId: OWNER, conversationId: null, title: 'Too late', question: 'Too late?', historyTurns: 20 },
      deadline,
    );
    await expect(starting).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED' } });
    expect(await store.listConversations(OWNER, 100)).toEqual(before);
  });
});
