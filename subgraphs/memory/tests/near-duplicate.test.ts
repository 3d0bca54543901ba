import { rmSync } from 'node:fs';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@sophia/kit';
import { tempDataDir, TEST_ANCHOR } from '@sophia/kit/testing';
import { loadMemoryConfig } from '../src/env.ts';
import { openMemoryService, rememberMemory, type MemoryService } from '../src/memory-service.ts';
import type { ViewerScope } from '../src/visibility.ts';

/**
 * The near-duplicate check every chat reply's `remember` makes: one user's CONVERSATION memories among
 * thousands of document chunks that share their words. The check's filter admits only that user's
 * conversations; the chunks must neither hide the duplicate nor be merged into.
 */
const CHUNKS = 2_000;
const ALICE: ViewerScope = { userId: 'u_alice', teamId: 't_sales' };
const EXCHANGE = 'Asked when the Harbor renewal quote goes out. Answered: Friday, after legal signs off.';

describe('near-duplicate check of a remember', () => {
  const dir = tempDataDir('memory-near-duplicate');
  let service: MemoryService;

  const remember = (content: string, kind: 'CONVERSATION' | 'DOCUMENT_CHUNK', scope = ALICE) =>
    rememberMemory(service, Promise.resolve(scope), {
      content,
      kind,
      visibility: kind === 'CONVERSATION' ? 'PRIVATE' : 'ORG',
      accountId: null,
    });

  beforeAll(async () => {
    const config = loadMemoryConfig({
      SOPHIA_DATA_DIR: dir,
      SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
      LOG_LEVEL: 'silent',
      // Nothing runs on a timer during the test.
      MEMORY_CHANGE_POLL_MS: '3600000',
      MEMORY_MAINTENANCE_INTERVAL_MS: '3600000',
    });
    service = await openMemoryService(config, {
      registry: new Registry(),
      log: createLogger('memory', 'silent'),
    });
    // The exchange's own words plus a few of each chunk's own: near the exchange, never duplicates of it.
    const author: ViewerScope = { userId: 'u_author', teamId: null };
    await Promise.all(
      Array.from({ length: CHUNKS }, (_, i) =>
        remember(`${EXCHANGE} Handbook part p${i}x, clause c${i}y, table t${i}z.`, 'DOCUMENT_CHUNK', author),
      ),
    );
  });

  afterAll(async () => {
    await service?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('merges a near-duplicate conversation among thousands of document chunks', async () => {
    expect(service.warm.size).toBe(CHUNKS);
    const first = await remember(EXCHANGE, 'CONVERSATION');
    expect(first.merged).toBe(false);
    // Other punctuation, so not the same content: only the warm index's vector check can find the first.
    const again = await remember(
      'asked when the Harbor renewal quote goes out -- answered: Friday, after legal signs off!',
      'CONVERSATION',
    );
    expect(again).toMatchObject({ merged: true, memory: { id: first.memory.id } });
    expect(service.warm.size).toBe(CHUNKS + 1);

    // Another user's identical exchange is theirs alone.
    const bob = await remember(EXCHANGE, 'CONVERSATION', { userId: 'u_bob', teamId: 't_eng' });
    expect(bob.merged).toBe(false);
  });
});
