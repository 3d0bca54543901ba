import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Clock } from '@sophia/kit';
import { CEO } from '@sophia/kit/testing';
import {
  STORE_BACKENDS,
  startStoreBackend,
  type StoreBackend,
} from '../../kit/tests/store-contract-backends.ts';
import { loadChatConfig, type ChatConfig } from '../src/env.ts';
import { createEventLog } from '../src/event-log/index.ts';
import type { Synthesizer } from '../src/pipeline/answer-contract.ts';
import { keepReplyLeases } from '../src/pipeline/reply-leases.ts';
import { ChatStore } from '../src/store.ts';
import { follow, SEND, startChat, type RunningChat } from './chat-harness.ts';
import { startFakeMcpServer, type FakeMcpServer } from './fakes/fake-mcp-server.ts';
import { scriptedTools, understandAnything } from './scripted-answers.ts';

const LEASE_MS = 60_000;

/** A clock the test moves by hand: leases run out when the test says so. */
function handClock(start = Date.parse('2026-12-07T12:00:00.000Z')) {
  let at = start;
  const clock: Clock = { now: () => new Date(at), today: () => new Date(at).toISOString().slice(0, 10) };
  return { clock, advance: (ms: number) => void (at += ms) };
}

/** A new conversation's exchange: its reply STREAMING, this replica's. */
const exchange = async (store: ChatStore) =>
  (await store.sendIntoConversation({
    ownerId: CEO.userId!,
    conversationId: null,
    title: 'Bookings?',
    question: 'Bookings?',
    historyTurns: 20,
  }))!.exchange;

const statusOf = async (store: ChatStore, id: string) =>
  (await store.messagesByIds(CEO.userId!, [id]))[0]?.status;

// On each store backend: one replica's own sweeps, renewals, and a writer that stalled past its lease.
describe.each(STORE_BACKENDS)('reply leases on %s', (dialect) => {
  let backend: StoreBackend;
  let store: ChatStore;
  const time = handClock();

  beforeAll(async () => {
    backend = await startStoreBackend(dialect);
    const config = loadChatConfig({ ...backend.env, LOG_LEVEL: 'silent' });
    store = await ChatStore.open(config, {
      lease: { replicaId: 'replica-a', clock: time.clock, ttlMs: LEASE_MS },
    });
  });
  afterAll(async () => {
    await store?.close();
    await backend?.close();
  });

  it('keeps a reply whose lease is renewed, and fails it exactly once after its writer stops renewing', async () => {
    const { reply } = await exchange(store);
    time.advance(LEASE_MS - 1_000);
    expect(await store.failInterruptedReplies()).toEqual([]);
    await store.renewReplies([reply.id]);
    time.advance(LEASE_MS - 1_000); // past the first lease, within the renewed one
    expect(await store.failInterruptedReplies()).toEqual([]);
    expect(await statusOf(store, reply.id)).toBe('STREAMING');

    time.advance(2_000);
    const taken = await store.failInterruptedReplies();
    expect(taken.map(({ message }) => [message.id, message.status])).toEqual([[reply.id, 'FAILED']]);
    expect(taken[0]!.conversation.id).toBe(reply.conversationId);
    expect(await store.failInterruptedReplies()).toEqual([]);
  });

  it('keeps a failed reply failed when its stalled writer finishes or renews it late', async () => {
    const { reply } = await exchange(store);
    time.advance(LEASE_MS + 1);
    expect((await store.failInterruptedReplies()).map(({ message }) => message.id)).toEqual([reply.id]);
    await store.renewReplies([reply.id]);
    const late = await store.updateMessage(reply.id, { content: 'Bookings are up.', status: 'COMPLETE' });
    expect(late).toMatchObject({ id: reply.id, status: 'FAILED', content: '' });
    // The way a reply's writer records its end, too, together with another reply's that it still holds.
    const { reply: held } = await exchange(store);
    const ends = await Promise.all([
      store.finishReply({ id: reply.id, content: 'Bookings are up.', status: 'COMPLETE', citations: [] }),
      store.finishReply({ id: held.id, content: 'ARR is up.', status: 'COMPLETE', citations: [] }),
    ]);
    expect(ends).toMatchObject([
      { id: reply.id, status: 'FAILED', content: '' },
      { id: held.id, status: 'COMPLETE', content: 'ARR is up.' },
    ]);
  });
});

/** Two chat replicas on one warehouse: each its own connection to the FAKE Snowflake, as two processes. */
describe('two chat replicas on one FAKE Snowflake', () => {
  let backend: StoreBackend;
  let config: ChatConfig;
  const time = handClock();
  const open: ChatStore[] = [];
  const replica = async (replicaId: string) => {
    const store = await ChatStore.open(config, { lease: { replicaId, clock: time.clock, ttlMs: LEASE_MS } });
    open.push(store);
    return store;
  };

  beforeAll(async () => {
    backend = await startStoreBackend('snowflake');
    config = loadChatConfig({ ...backend.env, LOG_LEVEL: 'silent' });
  });
  afterAll(async () => {
    await Promise.all(open.map((store) => store.close()));
    await backend?.close();
  });

  it('leaves the reply a live replica writes alone when another replica starts', async () => {
    const a = await replica('replica-a');
    const { reply } = await exchange(a);
    const b = await replica('replica-b');
    expect(await b.failInterruptedReplies({ starting: true })).toEqual([]);
    expect(await b.updateMessage(reply.id, { status: 'FAILED' })).toMatchObject({ status: 'STREAMING' });
    expect(
      await b.finishReply({ id: reply.id, content: 'Not mine.', status: 'COMPLETE', citations: [] }),
    ).toMatchObject({ status: 'STREAMING', content: '' });
    const done = await a.finishReply({
      id: reply.id,
      content: 'Bookings are up.',
      status: 'COMPLETE',
      citations: [],
    });
    expect(done).toMatchObject({ status: 'COMPLETE', content: 'Bookings are up.' });
  });

  it('fails a reply whose writer stopped exactly once, however many replicas sweep at once', async () => {
    const writer = await replica('replica-c');
    const { reply } = await exchange(writer);
    await writer.close();
    open.splice(open.indexOf(writer), 1);
    const sweepers = await Promise.all(['replica-d', 'replica-e', 'replica-f'].map(replica));
    time.advance(LEASE_MS + 1);
    const taken = await Promise.all(sweepers.map((store) => store.failInterruptedReplies()));
    expect(taken.flat().map(({ message }) => message.id)).toEqual([reply.id]);
    expect(await statusOf(sweepers[0]!, reply.id)).toBe('FAILED');
  });
});

/** The rounds a chat process runs: renewals while it writes, sweeps while it serves, nothing while idle. */
describe('the reply lease keeper', () => {
  let backend: StoreBackend;
  let store: ChatStore;
  const time = handClock();
  const writing: string[] = [];
  let busy = false;
  const runner = { runningIds: () => [...writing], busyWithin: () => busy };
  const quiet = { warn: () => {} };
  const log = createEventLog(loadChatConfig({ LOG_LEVEL: 'silent' })); // in-process: no stream to end
  /** Rounds every 20 ms, over the test's store and its stand-in for the reply runner. */
  const keep = () => keepReplyLeases({ store, runner, log, logger: quiet, intervalMs: 20 });

  beforeAll(async () => {
    backend = await startStoreBackend('duckdb');
    const config = loadChatConfig({ ...backend.env, LOG_LEVEL: 'silent' });
    store = await ChatStore.open(config, {
      lease: { replicaId: 'replica-a', clock: time.clock, ttlMs: LEASE_MS },
    });
  });
  afterAll(async () => {
    await log.close();
    await store?.close();
    await backend?.close();
  });

  it('keeps renewing the replies the process writes, and fails them once it stops', async () => {
    const renewals = vi.spyOn(store, 'renewReplies');
    const { reply } = await exchange(store);
    writing.push(reply.id);
    busy = true;
    const keeper = keep();
    try {
      time.advance(LEASE_MS + 1); // past the lease it started with: only renewals keep it
      const calls = renewals.mock.calls.length;
      await expect.poll(() => renewals.mock.calls.length).toBeGreaterThan(calls + 2);
      expect(await statusOf(store, reply.id)).toBe('STREAMING');

      writing.length = 0; // the writer stops without ending the reply
      time.advance(LEASE_MS + 1);
      await expect.poll(() => statusOf(store, reply.id)).toBe('FAILED');
    } finally {
      await keeper.stop();
      renewals.mockRestore();
    }
  });

  it('sends nothing while the process is idle, and sweeps again once it serves', async () => {
    const { reply } = await exchange(store);
    time.advance(LEASE_MS + 1);
    busy = false;
    const sweeps = vi.spyOn(store, 'failInterruptedReplies');
    const keeper = keep();
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // ten rounds
      expect(sweeps).not.toHaveBeenCalled();
      expect(await statusOf(store, reply.id)).toBe('STREAMING');
      busy = true;
      await expect.poll(() => statusOf(store, reply.id)).toBe('FAILED');
    } finally {
      await keeper.stop();
      sweeps.mockRestore();
    }
  });
});

/** A writer that stalled past its lease while another replica failed its reply. */
describe('a reply taken from a stalled writer', () => {
  let mcp: FakeMcpServer;
  let chat: RunningChat;
  const time = handClock();
  let resume = () => {};
  const stalled = new Promise<void>((resolve) => (resume = resolve));
  // Writes its answer only once the test lets it go on.
  const stallingSynthesizer: Synthesizer = async (_request, sink) => {
    await stalled;
    sink({ type: 'TOKEN', delta: 'Bookings are up.' });
  };

  beforeAll(async () => {
    mcp = await startFakeMcpServer(scriptedTools);
    chat = await startChat(
      { SOPHIA_GATEWAY_URL: mcp.url },
      {
        understand: understandAnything,
        synthesizerFor: () => stallingSynthesizer,
        lease: { clock: time.clock, ttlMs: LEASE_MS },
      },
    );
  });
  afterAll(async () => {
    resume();
    await chat?.close();
    await mcp?.close();
  });

  it('stays FAILED, and its stream ends with the interruption, not the late answer', async () => {
    const sent = await chat.running.request<{ sendMessage: { reply: { id: string } } }>(SEND, {
      variables: { input: { text: 'Bookings?' } },
    });
    const id = sent.data!.sendMessage.reply.id;
    const events = follow(chat.socket(), id);
    time.advance(LEASE_MS + 1);
    // What another replica's sweep does once the lease ran out unrenewed.
    expect((await chat.chat.store.failInterruptedReplies()).map(({ message }) => message.id)).toEqual([id]);
    resume();

    const ending = (await events).at(-1);
    expect(ending).toMatchObject({ type: 'ERROR', error: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(ending?.message).toMatchObject({ id, status: 'FAILED', content: '' });
    expect(await statusOf(chat.chat.store, id)).toBe('FAILED');
  });
});
