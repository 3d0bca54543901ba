import { ANONYMOUS, DuckDb, encodeCursor } from '@sophia/kit';
import { describe, expect, it } from 'vitest';
import { company, dataOf, errorOf, newDataDir, removeDataDir, startSales, useSales } from './harness.ts';

const BUSINESS_READS: [string, string, Record<string, unknown>][] = [
  ['deals', '{ deals { totalCount } }', {}],
  ['topDeals', '{ topDeals { id } }', {}],
  ['pipeline', '{ pipeline { wonAmount } }', {}],
  ['accounts', '{ accounts { totalCount } }', {}],
  ['account', '{ account(id: "acc_001") { name } }', {}],
  ['deal', '{ deal(id: "deal_0001") { name } }', {}],
  [
    '_entities',
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Deal { name } ... on Account { name } ... on User { deals { id } } } }',
    {
      r: [
        { __typename: 'Deal', id: 'deal_0001' },
        { __typename: 'Account', id: 'acc_001' },
        { __typename: 'User', id: 'usr_001' },
      ],
    },
  ],
];

const DEALS_PAGE =
  'query($first: Int, $after: String) { deals(first: $first, after: $after) { totalCount } }';

describe('access and arguments', () => {
  const running = useSales();

  it.each(BUSINESS_READS)('refuses %s to an anonymous viewer', async (_, query, variables) => {
    const response = await running.request(query, { variables, viewer: ANONYMOUS });
    expect(errorOf(response).code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(response.data ?? null)).not.toMatch(/deal_|acc_|"name":"/);
  });

  it('refuses an unsigned request outright', async () => {
    expect((await running.request('{ deals { totalCount } }', { viewer: null })).status).toBe(401);
  });

  it.each([
    ['first = 0', { first: 0 }, 'first'],
    ['first = 1000', { first: 1000 }, 'first'],
    ['first = -5', { first: -5 }, 'first'],
    ['a cursor that is not base64url', { after: 'not a cursor!' }, 'after'],
    ['a base64url cursor that is not JSON', { after: encodeCursor('amount=5') }, 'after'],
    ['an account cursor', { after: encodeCursor(JSON.stringify(['account', 'Acme', 'acc_001'])) }, 'after'],
    [
      'a deal cursor with a text amount',
      { after: encodeCursor(JSON.stringify(['deal', '5', 'deal_0001'])) },
      'after',
    ],
  ])('refuses %s in deals', async (_, variables, argument) => {
    expect(errorOf(await running.request(DEALS_PAGE, { variables }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument,
    });
  });

  it('bounds every list and search: refused as BAD_USER_INPUT before any work, 150,000 entries included', async () => {
    const DEALS = 'query($filter: DealFilter) { deals(filter: $filter) { totalCount } }';
    const deals = (filter: Record<string, unknown>) => running.request(DEALS, { variables: { filter } });
    expect(errorOf(await deals({ stages: Array(11).fill('PROPOSAL') }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'filter.stages',
    });
    expect(errorOf(await deals({ search: 'x'.repeat(201) }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'filter.search',
    });
    const huge = await deals({ stages: Array(150_000).fill('PROPOSAL') });
    expect(huge.status).toBe(400);
    expect(huge.errors).toEqual([
      expect.objectContaining({
        message: 'A list in this request has 150,000 entries; at most 10,000 are accepted.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    const accounts = await running.request('query($s: String) { accounts(search: $s) { totalCount } }', {
      variables: { s: 'x'.repeat(201) },
    });
    expect(errorOf(accounts)).toEqual({ code: 'BAD_USER_INPUT', argument: 'search' });
    // Ten stages are fine, and the subgraph answers as before.
    const ten = await deals({ stages: Array(10).fill('PROPOSAL') });
    expect(ten.errors).toBeUndefined();
  });

  it('refuses a deal cursor and out-of-range first in accounts', async () => {
    const { deals } = dataOf(
      await running.request<{ deals: { pageInfo: { endCursor: string } } }>(
        '{ deals(first: 1) { pageInfo { endCursor } } }',
      ),
    );
    const ACCOUNTS =
      'query($first: Int, $after: String) { accounts(first: $first, after: $after) { totalCount } }';
    expect(
      errorOf(await running.request(ACCOUNTS, { variables: { after: deals.pageInfo.endCursor } })),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'after',
    });
    expect(errorOf(await running.request(ACCOUNTS, { variables: { first: 101 } }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'first',
    });
  });
});

describe('restart', () => {
  it('keeps the data and its anchor on the same data directory and does not load again', async () => {
    const dir = newDataDir();
    try {
      const first = await startSales(dir);
      const before = dataOf(
        await first.request<{ deals: { totalCount: number } }>('{ deals { totalCount } }'),
      );
      expect(before.deals.totalCount).toBe(company.deals.length);
      await first.close();

      // Change a stored deal behind the service's back: a reload would put the generated name back.
      const db = await DuckDb.open(dir, 'sales.duckdb');
      const [meta] = await db.query<{ value: string }>(
        "SELECT value FROM sophia_meta WHERE key = 'seeded_at'",
      );
      await db.run("UPDATE deals SET name = 'Renamed while stopped' WHERE id = 'deal_0001'");
      await db.close();

      // Another anchor in the environment must not move "today": the stored data belongs to the first one.
      const second = await startSales(dir, { SOPHIA_DEMO_ANCHOR: '2025-02-10' });
      const after = dataOf(
        await second.request<{
          deals: { totalCount: number };
          deal: { name: string };
          pipeline: { period: string };
        }>('{ deals { totalCount } deal(id: "deal_0001") { name } pipeline { period } }'),
      );
      await second.close();
      expect(after).toEqual({
        deals: { totalCount: company.deals.length },
        deal: { name: 'Renamed while stopped' },
        pipeline: { period: '2026-Q4' },
      });

      const reopened = await DuckDb.open(dir, 'sales.duckdb');
      const [metaAfter] = await reopened.query<{ value: string }>(
        "SELECT value FROM sophia_meta WHERE key = 'seeded_at'",
      );
      await reopened.close();
      expect(metaAfter?.value).toBe(meta?.value);
    } finally {
      removeDataDir(dir);
    }
  });
});
