import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, startPrivateRedis } from '../../ops/src/testing/redis-server.ts';
import { createApiKeyVerdicts, type ApiKeyVerdicts } from '../src/auth/api-keys/api-key-verdicts.ts';

/** Two replicas' verdict caches sharing one real redis-server: a revocation on one reaches the other. */
describe('API key verdicts shared by replicas', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  const connections: Redis[] = [];
  const replicas: Array<ApiKeyVerdicts<string>> = [];

  beforeAll(async () => {
    redis = await startPrivateRedis();
    for (let i = 0; i < 2; i++) {
      const connection = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      await new Promise((ready) => connection.once('ready', ready));
      connections.push(connection);
      replicas.push(createApiKeyVerdicts<string>({ ttlMs: 60_000, redis: connection }));
    }
    await Promise.all(replicas.map((replica) => replica.ready));
  });

  afterAll(async () => {
    for (const replica of replicas) replica.close();
    for (const connection of connections) connection.disconnect();
    await redis.stop();
  });

  it('drops a key revoked on one replica from the other and tells its listeners', async () => {
    const [first, second] = replicas as [ApiKeyVerdicts<string>, ApiKeyVerdicts<string>];
    first.set('k1', 'valid');
    second.set('k1', 'valid');
    second.set('k2', 'valid');
    const heard: string[] = [];
    second.onRevoked((id) => heard.push(id));
    await first.revoke('k1');
    expect(first.get('k1')).toBeUndefined();
    for (let i = 0; i < 200 && heard.length === 0; i++) await sleep(10);
    expect(heard).toEqual(['k1']);
    expect(second.get('k1')).toBeUndefined();
    expect(second.get('k2')).toBe('valid');
  });

  it('forgets a verdict once its TTL passes, without Redis', () => {
    let now = 1_000;
    const local = createApiKeyVerdicts<string>({ ttlMs: 5_000, now: () => now });
    local.set('k', 'valid');
    now += 4_999;
    expect(local.get('k')).toBe('valid');
    now += 1;
    expect(local.get('k')).toBeUndefined();
    local.close();
  });
});
