import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestDeadline, DeadlineExceededError, type RequestDeadline } from '@sophia/kit';
import { tempDataDir } from '@sophia/kit/testing';
import { createConfiguredEmbedder } from '../src/embeddings/create-provider.ts';
import type { Embedder } from '../src/embeddings/embedder.ts';
import { loadMemoryConfig } from '../src/env.ts';
import { MemoryStore } from '../src/store.ts';

/** `remember` under request deadlines: group commit writes together, but never for a caller who gave up. */
const ALICE = { userId: 'u_alice', teamId: 't_sales' };

describe('remember within request deadlines', () => {
  let store: MemoryStore;
  let embedder: Embedder;

  beforeAll(async () => {
    const config = loadMemoryConfig({ SOPHIA_DATA_DIR: tempDataDir('memory'), LOG_LEVEL: 'silent' });
    embedder = createConfiguredEmbedder(config, new Registry());
    store = await MemoryStore.open(config, embedder);
  });
  afterAll(() => store?.close());

  const remember = async (content: string, deadline: RequestDeadline) =>
    store.remember({
      scope: ALICE,
      input: { content, kind: 'NOTE', visibility: 'PRIVATE', accountId: null },
      embedding: await embedder.embed(content),
      deadline,
    });
  const live = () => createRequestDeadline({ budgetMs: 60_000 });
  const abandoned = () => {
    const caller = new AbortController();
    caller.abort();
    return createRequestDeadline({ budgetMs: 60_000, callerGone: caller.signal });
  };
  /** What the store holds: a fresh data directory, so only what these tests wrote. */
  const contents = async () => (await store.warmRows()).map((row) => row.content).sort();

  it('commits the requests still waiting and refuses the one whose caller left, though they arrive together', async () => {
    const [first, late, last] = await Promise.allSettled([
      remember('harbour note one', live()),
      remember('harbour note abandoned', abandoned()),
      remember('harbour note two', live()),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(last.status).toBe('fulfilled');
    expect(late.status === 'rejected' && late.reason).toBeInstanceOf(DeadlineExceededError);
    expect(await contents()).toEqual(['harbour note one', 'harbour note two']);
  });
});
