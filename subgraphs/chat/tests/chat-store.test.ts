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
  const sendWithTurns = async (question: string, conversationId: string | null = null, historyTurns = 20) => {
    const sent = await store.sendIntoConversation({
      ownerId: OWNER,
      conversationId,
      title: `${question} (title)`,
      question,
      historyTurns,
    });
    if (!sent) throw new Error(`The owner has no conversation ${conversationId}.`);
    return sent;
  };
  const send = async (question: string, conversationId: string | null = null) =>
    (await sendWithTurns(question, conversationId)).exchange;
  /** How many statements of a kind (`INSERT INTO`) on messages the FAKE Snowflake has run (0 on DuckDB). */
  const statementsOnMessages = (kind: RegExp) =>
    backend.fake?.queryHistory().filter((query) => kind.test(query.sqlText)).length ?? 0;
  const messageInserts = () => statementsOnMessages(/^INSERT INTO messages/i);
  const messageUpdates = () => statementsOnMessages(/^UPDATE messages/i);

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

  it('reads the turns before a question: the latest complete ones, oldest first, never the question', async () => {
    const first = await sendWithTurns('How is ARR trending?');
    expect(first.turns).toEqual([]);
    await store.updateMessage(first.exchange.reply.id, { content: 'ARR is up.', status: 'COMPLETE' });
    const { id } = first.exchange.conversation;
    const second = await sendWithTurns('And last quarter?', id);
    expect(second.turns).toEqual([
      { role: 'USER', content: 'How is ARR trending?' },
      { role: 'ASSISTANT', content: 'ARR is up.' },
    ]);
    // The second reply is still STREAMING, with no text: not a turn.
    expect((await sendWithTurns('And in EMEA?', id)).turns).toEqual([
      { role: 'USER', content: 'How is ARR trending?' },
      { role: 'ASSISTANT', content: 'ARR is up.' },
      { role: 'USER', content: 'And last quarter?' },
    ]);
    expect((await sendWithTurns('And in APAC?', id, 2)).turns).toEqual([
      { role: 'USER', content: 'And last quarter?' },
      { role: 'USER', content: 'And in EMEA?' },
    ]);
    // A cancelled reply's text is not a turn; another conversation's messages never are.
    await store.updateMessage(second.exchange.reply.id, { content: 'Cut short.', status: 'CANCELLED' });
    await send('Unrelated?');
    expect((await sendWithTurns('And in LATAM?', id)).turns).toHaveLength(5);
  });

  it('writes sends that arrive together in one transaction, each as it would have been alone', async () => {
    const asked = await sendWithTurns('How are bookings?');
    const { id } = asked.exchange.conversation;
    await store.updateMessage(asked.exchange.reply.id, { content: 'Bookings are up.', status: 'COMPLETE' });
    const theirs = await store.createConversation({ ownerId: OTHER, title: 'Their plans' });
    const insertsBefore = messageInserts();
    // Sent at once: they queue together. Two into the same conversation, in order; one into someone else's.
    const [intoNew, followUp, again, intoTheirs, alsoNew] = await Promise.all([
      sendWithTurns('What is our ARR?'),
      sendWithTurns('And in EMEA?', id),
      sendWithTurns('And in APAC?', id),
      store.sendIntoConversation({
        ownerId: OWNER,
        conversationId: theirs.id,
        title: 'Mine now',
        question: 'What?',
        historyTurns: 20,
      }),
      sendWithTurns('Which deals slipped?'),
    ]);
    expect(intoTheirs).toBeNull();
    expect(await store.messagesOfConversations([theirs.id], null)).toEqual([]);
    const earlier = [
      { role: 'USER', content: 'How are bookings?' },
      { role: 'ASSISTANT', content: 'Bookings are up.' },
    ];
    expect(intoNew!.turns).toEqual([]);
    expect(alsoNew!.turns).toEqual([]);
    expect(followUp!.turns).toEqual(earlier);
    expect(again!.turns).toEqual([...earlier, { role: 'USER', content: 'And in EMEA?' }]);
    expect(again!.exchange.userMessage.createdAt > followUp!.exchange.reply.createdAt).toBe(true);
    for (const sent of [intoNew, followUp, alsoNew]) {
      expect(await readBack(sent!.exchange)).toMatchObject({
        userMessage: sent!.exchange.userMessage,
        reply: sent!.exchange.reply,
      });
    }
    expect(await readBack(again!.exchange)).toEqual(again!.exchange);
    // On the FAKE Snowflake, where every statement is seen: a few statements for all of them, not some each.
    if (backend.fake) expect(messageInserts() - insertsBefore).toBeLessThan(4);
  });

  it('writes the others of a batch when one sender has given up while it was written', async () => {
    let now = 0;
    const late = createRequestDeadline({ budgetMs: 60_000, now: () => now });
    const onTime = Promise.all([sendWithTurns('On time?'), sendWithTurns('Also on time?')]);
    const tooLate = store.sendIntoConversation(
      { ownerId: OWNER, conversationId: null, title: 'Too late', question: 'Too late?', historyTurns: 20 },
      late,
    );
    now = 60_000; // its time runs out after its batch was taken, before COMMIT
    await expect(tooLate).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED' } });
    for (const sent of await onTime) expect(await readBack(sent.exchange)).toEqual(sent.exchange);
    const titles = (await store.listConversations(OWNER, 100)).map((conversation) => conversation.title);
    expect(titles).not.toContain('Too late');
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

  it('writes replies that end together in one statement, each as it is read afterwards', async () => {
    const replies = await Promise.all(['What was ARR?', 'And churn?', 'And NRR?'].map((q) => send(q)));
    const updatesBefore = messageUpdates();
    const ends = [
      { content: 'ARR was **$9.1M**.', status: 'COMPLETE', citations: [{ typename: 'Metric', id: 'arr' }] },
      { content: 'Churn was', status: 'CANCELLED', citations: [] },
      { content: '', status: 'FAILED', citations: [] },
    ] as const;
    const finished = await Promise.all([
      ...replies.map(({ reply }, i) => store.finishReply({ id: reply.id, ...ends[i]! })),
      store.finishReply({ id: 'msg_missing', content: 'Nobody', status: 'COMPLETE', citations: [] }),
    ]);
    expect(finished).toEqual([...replies.map(({ reply }, i) => ({ ...reply, ...ends[i]! })), null]);
    const ids = replies.map(({ reply }) => reply.id);
    const readBack = await store.messagesByIds(OWNER, ids);
    expect(ids.map((id) => readBack.find((message) => message.id === id))).toEqual(finished.slice(0, 3));
    // On the FAKE Snowflake, where every statement is seen: one UPDATE for all four.
    if (backend.fake) expect(messageUpdates() - updatesBefore).toBe(1);
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
