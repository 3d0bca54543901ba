import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from '../src/idempotency/index.ts';
import { startResilienceFixture, type ResilienceFixture } from './resilience-fixture.ts';

/** `Idempotency-Key` on mutations, through the gateway in-process to a real subgraph over HTTP. */
describe('idempotency keys', () => {
  let fx: ResilienceFixture;
  beforeAll(async () => {
    fx = await startResilienceFixture({ SUBGRAPH_RETRIES: '0' });
  });
  afterAll(() => fx.close());

  const bump = (key: string, user = 'usr_001', query = 'mutation { bump }') =>
    fx.post(query, user, { [IDEMPOTENCY_KEY_HEADER]: key });

  it('runs a mutation once and answers its retries with the first answer', async () => {
    const before = fx.counter.bumps;
    const first = await bump('retry-me');
    const again = await bump('retry-me');
    expect(first.data).toEqual({ bump: before + 1 });
    expect(again.data).toEqual(first.data);
    expect(again.headers.get(IDEMPOTENT_REPLAYED_HEADER)).toBe('true');
    expect(first.headers.get(IDEMPOTENT_REPLAYED_HEADER)).toBeNull();
    expect(fx.counter.bumps).toBe(before + 1);
  });

  it('keeps keys apart per caller, and runs a mutation sent without a key every time', async () => {
    const before = fx.counter.bumps;
    await bump('shared-name', 'usr_001');
    await bump('shared-name', 'usr_002');
    await fx.post('mutation { bump }');
    await fx.post('mutation { bump }');
    expect(fx.counter.bumps).toBe(before + 4);
  });

  it('refuses a key reused for a different request with CONFLICT, running nothing', async () => {
    await bump('one-purpose');
    const before = fx.counter.bumps;
    const other = await bump('one-purpose', 'usr_001', 'mutation { again: bump }');
    expect(other.status).toBe(409);
    expect(other.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(fx.counter.bumps).toBe(before);
  });

  it('frees the key of a failed run, so that the retry runs', async () => {
    fx.catalog.failNext(1, 'unavailable');
    const failed = await bump('after-a-failure');
    expect(failed.errors?.[0]?.extensions?.['code']).toBe('DOWNSTREAM_SERVICE_ERROR');
    const before = fx.counter.bumps;
    const retried = await bump('after-a-failure');
    expect(retried.data).toEqual({ bump: before + 1 });
    expect(fx.counter.bumps).toBe(before + 1);
  });

  it('refuses a malformed key with 400 BAD_USER_INPUT', async () => {
    const before = fx.counter.bumps;
    const refused = await bump('x'.repeat(256));
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(fx.counter.bumps).toBe(before);
  });
});
