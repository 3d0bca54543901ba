import { afterEach, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { createLogger } from '@sophia/kit';
import { tempDataDir } from '@sophia/kit/testing';
import type { DealChange } from '@sophia/domain';
import { dealChangeMetrics } from '../src/deal-change-metrics.ts';
import { DealChangeSync } from '../src/deal-change-sync.ts';
import { loadKpiConfig } from '../src/env.ts';
import { KpiStore } from '../src/store.ts';

const change = (changeNumber: number): DealChange => ({
  changeNumber,
  dealId: `deal-${changeNumber}`,
  dealType: 'RENEWAL',
  ownerId: 'usr_001',
  region: 'EMEA',
  changedAt: '2026-11-24T09:00:00.000Z',
  before: { stage: 'PROPOSAL', amount: 1_000, closeDate: '2026-12-01' },
  after: { stage: 'CLOSED_LOST', amount: 1_000, closeDate: '2026-11-24' },
});

describe('DealChangeSync', () => {
  let store: KpiStore | undefined;
  let sync: DealChangeSync | undefined;
  afterEach(async () => {
    await sync?.close();
    await store?.close();
  });

  it('asks the outbox from the first missing change, page after page, and shares a catch-up still waiting its turn', async () => {
    store = await KpiStore.open(loadKpiConfig({ SOPHIA_DATA_DIR: tempDataDir('kpi-sync') }));
    const outbox = Array.from({ length: 1_203 }, (_, i) => change(i + 1));
    const asked: number[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    sync = new DealChangeSync({
      store,
      source: async (after) => {
        asked.push(after);
        await gate;
        return outbox.filter((c) => c.changeNumber > after).slice(0, 500);
      },
      catchUpMs: 3_600_000,
      logger: createLogger('kpi', 'silent'),
      metrics: dealChangeMetrics(new Registry()),
    });
    // One runs (held at the gate); the next four wait behind it as one, which then finds nothing left.
    const running = sync.catchUp();
    await expect.poll(() => asked.length).toBe(1);
    const waiting = Array.from({ length: 4 }, () => sync!.catchUp());
    release();
    expect(await Promise.all([running, ...waiting])).toEqual([1_203, 0, 0, 0, 0]);
    expect(asked).toEqual([0, 500, 1_000, 1_203]);
    expect(await store.dealChangesAppliedThrough()).toBe(1_203);
  });
});
