import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageRateLimit, type MessageRateLimit } from '../src/message-rate-limit.ts';
import { startRedis } from './redis-server.ts';

describe('the per-user message rate limit', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const opened: MessageRateLimit[] = [];
  const open = (redisUrl?: string) => {
    const limit = createMessageRateLimit({ perMinute: 3, redisUrl, onRedisError: () => {} });
    opened.push(limit);
    return limit;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(opened.map((limit) => limit.close()));
    await redis?.stop();
  });

  it('is shared through Redis by two replicas: the fourth message of the minute is refused on either', async () => {
    const [a, b] = [open(redis.url), open(redis.url)];
    await Promise.all([a.shared(), b.shared()]);
    expect(await a.take('usr_shared')).toEqual({ allowed: true });
    expect(await b.take('usr_shared')).toEqual({ allowed: true });
    expect(await a.take('usr_shared')).toEqual({ allowed: true });
    const refused = await b.take('usr_shared');
    expect(refused).toMatchObject({ allowed: false });
    const seconds = refused.allowed ? 0 : refused.retryAfterSeconds;
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(await a.take('usr_shared')).toMatchObject({ allowed: false });
    // Another user has a budget of their own.
    expect(await b.take('usr_other')).toEqual({ allowed: true });
  });

  it('counts in each process without Redis', async () => {
    const [a, b] = [open(), open()];
    for (let i = 0; i < 3; i++) expect(await a.take('usr_local')).toEqual({ allowed: true });
    expect(await a.take('usr_local')).toMatchObject({ allowed: false });
    expect(await b.take('usr_local')).toEqual({ allowed: true });
  });

  it('still limits, per process, while Redis is unreachable', async () => {
    const down = open('redis://127.0.0.1:1');
    for (let i = 0; i < 3; i++) expect(await down.take('usr_down')).toEqual({ allowed: true });
    expect(await down.take('usr_down')).toMatchObject({ allowed: false });
  });
});
