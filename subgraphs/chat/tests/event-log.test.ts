import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInProcessEventLog,
  createRedisEventLog,
  type ChatEventBody,
  type ChatEventRecord,
  type ReplyEventLog,
} from '../src/event-log/index.ts';
import type { ConversationRow, MessageRow } from '../src/store.ts';
import { startRedis } from './redis-server.ts';

const conversation: ConversationRow = {
  id: 'cnv_1',
  ownerId: 'usr_001',
  title: 'T',
  createdAt: '2026-11-24T00:00:00.000Z',
  updatedAt: '2026-11-24T00:00:00.000Z',
};
const message: MessageRow = {
  id: 'msg_1',
  conversationId: 'cnv_1',
  role: 'ASSISTANT',
  content: 'a b',
  status: 'COMPLETE',
  createdAt: '2026-11-24T00:00:00.000Z',
  citations: [],
};
const token = (seq: number, delta: string): ChatEventRecord => ({ seq, type: 'TOKEN', delta });
const done = (seq: number): ChatEventRecord => ({ seq, type: 'DONE', reply: { message, conversation } });

async function collect(events: AsyncIterableIterator<ChatEventRecord>): Promise<ChatEventRecord[]> {
  const all: ChatEventRecord[] = [];
  for await (const event of events) all.push(event);
  return all;
}

/** Waits until `events` yields `count` events, leaving it open. */
async function take(events: AsyncIterableIterator<ChatEventRecord>, count: number) {
  const got: ChatEventRecord[] = [];
  while (got.length < count) {
    const next = await events.next();
    if (next.done) break;
    got.push(next.value);
  }
  return got;
}

let redis: Awaited<ReturnType<typeof startRedis>>;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

const implementations: Array<[string, () => ReplyEventLog]> = [
  ['in-process', () => createInProcessEventLog({ maxEvents: 1_000, ttlMs: 60_000 })],
  [
    'Redis Streams',
    () =>
      createRedisEventLog({
        url: redis.url,
        maxEvents: 1_000,
        ttlSeconds: 60,
        keyPrefix: `t${randomUUID()}`,
      }),
  ],
];

describe.each(implementations)('reply event log: %s', (_name, create) => {
  it('replays the events after `after`, then follows live ones until DONE', async () => {
    const log = create();
    const id = `msg_${randomUUID()}`;
    await log.open({ messageId: id, ownerId: 'usr_001', conversationId: 'cnv_1' });
    expect(await log.info(id)).toEqual({ messageId: id, ownerId: 'usr_001', conversationId: 'cnv_1' });
    for (let seq = 1; seq <= 3; seq++) await log.append(id, token(seq, `d${seq}`));

    const fromStart = log.read(id, 0);
    const resumed = log.read(id, 2);
    expect(await take(fromStart, 3)).toEqual([token(1, 'd1'), token(2, 'd2'), token(3, 'd3')]);
    expect(await take(resumed, 1)).toEqual([token(3, 'd3')]);
    await log.append(id, token(4, 'd4'));
    await log.append(id, done(5));
    expect(await collect(fromStart)).toEqual([token(4, 'd4'), done(5)]);
    expect(await collect(resumed)).toEqual([token(4, 'd4'), done(5)]);
    // A finished stream is still readable, and a reader past its end ends at once.
    expect((await collect(log.read(id, 0))).map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await collect(log.read(id, 5))).toEqual([]);
    await log.close();
  });

  it('knows nothing of a stream never opened', async () => {
    const log = create();
    expect(await log.info('msg_never')).toBeNull();
    await log.close();
  });

  it('stops a reader that leaves while it waits, at once', async () => {
    const log = create();
    const id = `msg_${randomUUID()}`;
    await log.open({ messageId: id, ownerId: 'usr_001', conversationId: 'cnv_1' });
    const reader = log.read(id, 0);
    const pending = reader.next();
    await reader.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
    await log.append(id, token(1, 'late') as ChatEventBody & { seq: number });
    await log.close();
  });

  it('tells every process of a cancel request', async () => {
    const writer = create();
    const heard: string[] = [];
    await writer.onCancelRequest((id) => heard.push(id));
    await writer.requestCancel('msg_cancel');
    await expect.poll(() => heard).toEqual(['msg_cancel']);
    await writer.close();
  });
});

describe('reply event log on Redis Streams', () => {
  it('shares streams between processes and gives a finished stream a TTL', async () => {
    const keyPrefix = `t${randomUUID()}`;
    const options = { url: redis.url, maxEvents: 1_000, ttlSeconds: 60, keyPrefix };
    const writer = createRedisEventLog(options);
    const reader = createRedisEventLog(options);
    const id = `msg_${randomUUID()}`;
    await writer.open({ messageId: id, ownerId: 'usr_001', conversationId: 'cnv_1' });
    expect(await reader.info(id)).toMatchObject({ ownerId: 'usr_001' });
    const following = collect(reader.read(id, 0));
    for (let seq = 1; seq <= 50; seq++) await writer.append(id, token(seq, `d${seq}`));
    await writer.append(id, done(51));
    expect((await following).map((event) => event.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));

    const client = new Redis(redis.url);
    const key = `${keyPrefix}:reply:${id}:events`;
    expect(await client.xlen(key)).toBe(51);
    const [first] = await client.xrange(key, '-', '+', 'COUNT', 1);
    expect(first?.[0]).toBe('0-1');
    const ttl = await client.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
    expect(await client.ttl(`${keyPrefix}:reply:${id}:info`)).toBeLessThanOrEqual(60);
    client.disconnect();
    await writer.close();
    await reader.close();
  });
});
