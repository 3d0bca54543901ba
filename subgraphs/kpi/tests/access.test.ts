import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@sophia/kit';
import { TEST_ANCHOR } from '@sophia/kit/testing';
import { newDataDir, startKpi, type RunningKpi } from './harness.ts';

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Metric { id name unit currency category aggregation higherIsBetter value(period: "2026-Q3") } }
}`;

describe('kpi access, entities, bad input and restarts', () => {
  const dataDir = newDataDir();
  let kpi: RunningKpi;

  beforeAll(async () => {
    kpi = await startKpi(dataDir);
  });
  afterAll(() => kpi.close());

  const errorOf = async (query: string, variables?: Record<string, unknown>) => {
    const response = await kpi.request(query, { variables: variables ?? {} });
    return response.errors?.[0];
  };

  it('resolves Metric entities by id, null for an unknown id', async () => {
    const response = await kpi.request<{ _entities: Array<Record<string, unknown> | null> }>(ENTITIES, {
      variables: {
        r: [
          { __typename: 'Metric', id: 'arr' },
          { __typename: 'Metric', id: 'nps' },
          { __typename: 'Metric', id: 'no_such_metric' },
        ],
      },
    });
    expect(response.errors).toBeUndefined();
    const [arr, nps, missing] = response.data!._entities;
    expect(arr).toMatchObject({
      id: 'arr',
      unit: 'CURRENCY',
      currency: 'USD',
      aggregation: 'STOCK',
      higherIsBetter: true,
    });
    expect(typeof arr!['value']).toBe('number');
    expect(nps).toMatchObject({ id: 'nps', currency: null });
    expect(missing).toBeNull();
  });

  it('lists metrics by category and answers an unknown id with null', async () => {
    const response = await kpi.request<{
      finance: Array<{ category: string }>;
      all: unknown[];
      metric: null;
    }>('{ finance: metrics(category: FINANCE) { category } all: metrics { id } metric(id: "nope") { id } }');
    expect(response.data!.finance.length).toBeGreaterThan(0);
    expect(response.data!.finance.every((m) => m.category === 'FINANCE')).toBe(true);
    expect(response.data!.all.length).toBeGreaterThan(response.data!.finance.length);
    expect(response.data!.metric).toBeNull();
  });

  it.each([
    ['{ kpiCards(period: "banana") { period } }', 'period'],
    ['{ kpiCards(period: "2026-Q5") { period } }', 'period'],
    ['{ metric(id: "revenue") { value(period: "2026-13") } }', 'period'],
    ['{ metric(id: "revenue") { target(period: "soon") } }', 'period'],
    ['{ metric(id: "revenue") { series(from: "2026-02-30") { value } } }', 'from'],
    ['{ metric(id: "revenue") { series(to: "later") { value } } }', 'to'],
    ['{ metric(id: "revenue") { series(from: "2026-10", to: "2026-09") { value } } }', 'from'],
    ['{ metric(id: "revenue") { series(from: "2020", to: "2026", grain: DAY) { value } } }', 'grain'],
  ])('refuses %s with BAD_USER_INPUT on `%s`', async (query, argument) => {
    const error = await errorOf(query);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it.each(['{ kpiCards { value } }', '{ metrics { id } }', '{ metric(id: "revenue") { id } }'])(
    'refuses an anonymous viewer: %s',
    async (query) => {
      const response = await kpi.request(query, { viewer: ANONYMOUS });
      expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
    },
  );

  it('refuses anonymous entity lookups', async () => {
    const response = await kpi.request(ENTITIES, {
      variables: { r: [{ __typename: 'Metric', id: 'arr' }] },
      viewer: ANONYMOUS,
    });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // A failed __resolveReference fails the whole `_entities` field: nothing of the metric comes back.
    expect(response.data?.['_entities'] ?? [null]).toEqual([null]);
  });

  it('keeps its data across a restart and does not reseed', async () => {
    const query = '{ metric(id: "revenue") { value(period: "2026-Q3") } kpiCards { period } }';
    const before = await kpi.request(query);
    const facts = await kpi.subgraph.store.factCount();
    await kpi.close();
    // A different anchor on restart would change every figure if the store reloaded demo data.
    kpi = await startKpi(dataDir, '2025-06-30');
    expect(kpi.subgraph.store.today).toBe(TEST_ANCHOR);
    expect(await kpi.subgraph.store.factCount()).toBe(facts);
    expect(await kpi.request(query)).toEqual(before);
  });
});
