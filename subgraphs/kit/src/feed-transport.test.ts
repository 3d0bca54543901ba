import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis } from '../../../ops/src/testing/redis-server.ts';
import { Feed } from './feed.ts';
import { createRedisFeedTransport } from './feed-transport.ts';

const take = async <T>(queue: AsyncIterator<T>, count: number): Promise<T[]> => {
  const seen: T[] = [];
  while (seen.length < count) {
    const result = await queue.next();
    if (result.done) break;
    seen.push(result.value);
  }
  return seen;
};

describe('Feed on a Redis transport', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  const feeds: Array<Feed<{ n: number; at: string }>> = [];
  const replica = async (channel = 'sophia:test:feed') => {
    const feed = new Feed<{ n: number; at: string }>({
      transport: createRedisFeedTransport({ url: redis.url, channel }),
    });
    feeds.push(feed);
    await feed.start();
    return feed;
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(async () => {
    for (const feed of feeds) await feed.close();
    await redis?.stop();
  });

  it("delivers every replica's events to every replica, each once and in publish order", async () => {
    const [a, b, elsewhere] = [await replica(), await replica(), await replica('sophia:test:other')];
    const onA = a.subscribe({ capacity: 10 }).queue;
    const onB = b.subscribe({ capacity: 10, accepts: (event) => event.n !== 2 }).queue;
    const onElsewhere = elsewhere.subscribe({ capacity: 10 }).queue;
    for (const n of [1, 2, 3]) a.publish({ n, at: `2026-01-0${n}` });
    b.publish({ n: 4, at: '2026-01-04' });
    expect(await take(onB, 3)).toEqual([
      { n: 1, at: '2026-01-01' },
      { n: 3, at: '2026-01-03' },
      { n: 4, at: '2026-01-04' },
    ]);
    expect((await take(onA, 4)).map((event) => event.n)).toEqual([1, 2, 3, 4]);
    elsewhere.publish({ n: 9, at: '2026-01-09' });
    // Only its own channel's events reach it: the first it reads is the one published there.
    expect(await take(onElsewhere, 1)).toEqual([{ n: 9, at: '2026-01-09' }]);
    expect(onA.size).toBe(0);
  });
});
