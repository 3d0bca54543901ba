import { describe, expect, it } from 'vitest';
import { Feed } from './feed.ts';

const drain = async (queue: AsyncIterable<number>) => {
  const seen: number[] = [];
  for await (const value of queue) seen.push(value);
  return seen;
};

describe('Feed', () => {
  it('delivers what a subscriber accepts, in order, and ends after its last event', async () => {
    const feed = new Feed<number>();
    const { queue } = feed.subscribe({ capacity: 10, accepts: (n) => n % 2 === 0, isLast: (n) => n >= 6 });
    for (const n of [1, 2, 3, 4, 6, 8]) feed.publish(n);
    expect(await drain(queue)).toEqual([2, 4, 6]);
    expect(feed.subscriberCount).toBe(0);
  });

  it('cuts off a subscriber that falls behind its capacity with RATE_LIMITED', async () => {
    const feed = new Feed<number>();
    const { queue } = feed.subscribe({ capacity: 2 });
    for (const n of [1, 2, 3]) feed.publish(n);
    expect(feed.subscriberCount).toBe(0);
    await expect(drain(queue)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
  });

  it('lets go of a subscriber that stops reading', async () => {
    const feed = new Feed<number>();
    const { queue } = feed.subscribe({ capacity: 10 });
    expect(feed.subscriberCount).toBe(1);
    await queue.return();
    expect(feed.subscriberCount).toBe(0);
  });
});
