import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@sophia/kit';
import { startSubgraph, tempDataDir, TEST_ANCHOR, type RunningSubgraph } from '@sophia/kit/testing';
import { loadMemoryConfig } from '../src/env.ts';
import type { MemoryService } from '../src/memory-service.ts';
import { createMemorySubgraph } from '../src/subgraph.ts';

const HOT_IDLE_MS = 60_000;
const WARM_IDLE_MS = 600_000;

const SEARCH = `query($q: String!) { searchMemories(query: $q, limit: 5) { memory { id tier accessCount } servedFrom } }`;
const MEMORY = `query($id: ID!) { memory(id: $id) { id tier accessCount } }`;
const REMEMBER = `mutation($input: RememberInput!) { remember(input: $input) { memory { id tier } } }`;

interface Hit {
  memory: { id: string; tier: string; accessCount: number };
  servedFrom: string;
}

describe('tiers move: reads promote, the maintenance loop demotes', () => {
  const dir = tempDataDir('memory-tier-moves');
  const config = loadMemoryConfig({
    SOPHIA_DATA_DIR: dir,
    SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
    LOG_LEVEL: 'silent',
    // Reads are written when the test says so (flush, maintain), not by the timers.
    MEMORY_ACCESS_FLUSH_MS: '3600000',
    MEMORY_MAINTENANCE_INTERVAL_MS: '3600000',
    MEMORY_HOT_ACCESS_COUNT: '3',
    MEMORY_HOT_IDLE_MS: String(HOT_IDLE_MS),
    MEMORY_WARM_IDLE_MS: String(WARM_IDLE_MS),
    MEMORY_KEEP_WARM_ACCESS_COUNT: '100',
  });
  let running: RunningSubgraph;
  let service: MemoryService;
  let id: string;

  const search = async (q: string) =>
    (await running.request<{ searchMemories: Hit[] }>(SEARCH, { variables: { q } })).data!.searchMemories;
  const hitOf = async (q: string) => (await search(q)).find((hit) => hit.memory.id === id);
  /** The row as the store has it, without counting a read (a read would promote it again). */
  const stored = async () =>
    (await service.store.memoriesByIds({ userId: 'usr_001', teamId: null }, [id]))[0]!;
  const record = async () =>
    (await running.request<{ memory: Hit['memory'] }>(MEMORY, { variables: { id } })).data!.memory;

  beforeAll(async () => {
    running = await startSubgraph(
      await createMemorySubgraph(config, {
        logger: createLogger('memory', 'silent'),
        onService: (built) => (service = built),
      }),
    );
    const remembered = await running.request<{ remember: { memory: { id: string; tier: string } } }>(
      REMEMBER,
      {
        variables: {
          input: {
            content: 'Xylocarpa tuning schedule: the Oslo studio retunes every quarter.',
            visibility: 'ORG',
          },
        },
      },
    );
    id = remembered.data!.remember.memory.id;
    expect(remembered.data!.remember.memory.tier).toBe('WARM');
  });

  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('promotes a cold memory to warm when it is read, and it comes back into L2', async () => {
    await service.store.setTier([id], 3);
    await service.rebuildWarmIndex();
    expect(await hitOf('xylocarpa tuning')).toMatchObject({ servedFrom: 'L3', memory: { tier: 'COLD' } });
    expect(service.warm.has(id)).toBe(false);

    await service.access.flush();
    expect(service.warm.has(id)).toBe(true);
    expect(await hitOf('xylocarpa schedule')).toMatchObject({ servedFrom: 'L2', memory: { tier: 'WARM' } });
  });

  it('counts reads in batches: one write for many reads, none lost', async () => {
    const before = (await record()).accessCount;
    await Promise.all(Array.from({ length: 5 }, () => record()));
    // Counted reads show at once, though none is written yet.
    expect((await record()).accessCount).toBe(before + 6);
    await service.access.flush();
    expect((await stored()).accessCount).toBe(before + 6);
  });

  it('promotes a warm memory read often enough to hot, and serves its record from L1', async () => {
    await record();
    await service.access.flush();
    expect((await record()).tier).toBe('HOT');
    expect((await service.cache.get(`mem:${id}`))?.value).toMatchObject({ id, tier: 1 });
  });

  it('demotes by age: hot to warm after the hot idle time, warm to cold after the warm idle time', async () => {
    const now = Date.now();
    const first = await service.maintain(now + HOT_IDLE_MS + 1_000);
    expect(first.warm).toContain(id);
    expect(first.cold).not.toContain(id);
    expect((await stored()).tier).toBe(2);
    expect(await service.cache.get(`mem:${id}`)).toBeUndefined();

    const second = await service.maintain(now + WARM_IDLE_MS + 1_000);
    expect(second.cold).toContain(id);
    expect(service.warm.has(id)).toBe(false);
    expect((await stored()).tier).toBe(3);
    expect(await hitOf('xylocarpa oslo')).toMatchObject({ servedFrom: 'L3', memory: { tier: 'COLD' } });
  });

  it('keeps a memory read often enough warm however long it is idle', async () => {
    const often = (await service.store.warmRows())[0];
    // Everything idle went cold above; bring one back and read it past the keep-warm count.
    const { id: keptId } =
      often ?? (await service.store.memoriesByIds({ userId: 'usr_001', teamId: null }, [id]))[0]!;
    await service.store.setTier([keptId], 2);
    service.access.record(Array.from({ length: 100 }, () => keptId));
    await service.access.flush();
    const moved = await service.maintain(Date.now() + WARM_IDLE_MS * 10);
    expect(moved.cold).not.toContain(keptId);
  });
});
