import type { RunningSubgraph } from '@sophia/kit/testing';
import type { Deal } from '@sophia/ops';
import { describe, expect, it } from 'vitest';
import { byAmountDesc, closingBetween, company, dataOf, statusOf, sumAmounts, useSales } from './harness.ts';
import { STORE_BACKENDS } from '../../kit/tests/store-contract-backends.ts';

const DEALS = /* GraphQL */ `
  query Deals($filter: DealFilter, $first: Int, $after: String) {
    deals(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          amount
        }
      }
      nodes {
        id
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
      totalAmount
    }
  }
`;

interface DealsPage {
  deals: {
    edges: { cursor: string; node: { id: string; amount: number } }[];
    nodes: { id: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
    totalAmount: number;
  };
}

/** Follows `endCursor` to the last page, checking each page's shape on the way. */
async function walk(running: RunningSubgraph, filter: Record<string, unknown> | null, first: number) {
  const ids: string[] = [];
  const totals = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const { deals }: DealsPage = dataOf(
      await running.request<DealsPage>(DEALS, { variables: { filter, first, after } }),
    );
    expect(deals.nodes.map((node) => node.id)).toEqual(deals.edges.map((edge) => edge.node.id));
    expect(deals.pageInfo.endCursor).toBe(deals.edges.at(-1)?.cursor ?? null);
    if (deals.pageInfo.hasNextPage) expect(deals.edges).toHaveLength(first);
    ids.push(...deals.nodes.map((node) => node.id));
    totals.add(`${deals.totalCount}/${deals.totalAmount}`);
    if (!deals.pageInfo.hasNextPage) break;
    after = deals.pageInfo.endCursor;
  }
  expect(totals.size).toBe(1);
  const [totalCount, totalAmount] = [...totals][0]!.split('/').map(Number) as [number, number];
  return { ids, totalCount, totalAmount };
}

const expectedIds = (deals: readonly Deal[]) => [...deals].sort(byAmountDesc).map((deal) => deal.id);

/** The owner and the account with the most deals, so their filters select a real subset. */
function busiest(key: 'ownerId' | 'accountId'): string {
  const counts = new Map<string, number>();
  for (const deal of company.deals) counts.set(deal[key], (counts.get(deal[key]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

const accountNames = new Map(company.accounts.map((account) => [account.id, account.name.toLowerCase()]));
const searchWord = company.accounts[0]!.name.split(' ')[0]!;

const FILTERS: [string, Record<string, unknown>, (deal: Deal) => boolean][] = [
  [
    'stages',
    { stages: ['PROPOSAL', 'NEGOTIATION'] },
    (d) => d.stage === 'PROPOSAL' || d.stage === 'NEGOTIATION',
  ],
  ['status', { status: 'WON' }, (d) => statusOf(d) === 'WON'],
  ['type', { type: 'RENEWAL' }, (d) => d.type === 'RENEWAL'],
  ['ownerId', { ownerId: busiest('ownerId') }, (d) => d.ownerId === busiest('ownerId')],
  ['accountId', { accountId: busiest('accountId') }, (d) => d.accountId === busiest('accountId')],
  ['period', { period: '2026-Q3' }, (d) => closingBetween(d, '2026-07-01', '2026-09-30')],
  ['minAmount', { minAmount: 100_000 }, (d) => d.amount >= 100_000],
  [
    'search (deal or account name, any case)',
    { search: ` ${searchWord.toUpperCase()} ` },
    (d) =>
      d.name.toLowerCase().includes(searchWord.toLowerCase()) ||
      (accountNames.get(d.accountId) ?? '').includes(searchWord.toLowerCase()),
  ],
  [
    'several at once',
    { status: 'OPEN', type: 'NEW_BUSINESS', minAmount: 40_000, period: '2027' },
    (d) =>
      statusOf(d) === 'OPEN' &&
      d.type === 'NEW_BUSINESS' &&
      d.amount >= 40_000 &&
      d.closeDate.startsWith('2027-'),
  ],
];

// On each store backend: embedded DuckDB, and the FAKE Snowflake through snowflake-sdk (the SQL is shared).
describe.each(STORE_BACKENDS)('deals on %s', (dialect) => {
  const running = useSales(dialect);

  it('pages through every deal exactly once, largest first, ties by id', async () => {
    const amounts = company.deals.map((deal) => deal.amount);
    expect(new Set(amounts).size).toBeLessThan(amounts.length); // ties exist, so the id tiebreak is exercised
    const { ids, totalCount, totalAmount } = await walk(running, null, 37);
    expect(ids).toEqual(expectedIds(company.deals));
    expect(totalCount).toBe(company.deals.length);
    expect(totalAmount).toBe(sumAmounts(company.deals));
  });

  it('pages the same with the largest page size', async () => {
    const { ids } = await walk(running, null, 100);
    expect(ids).toEqual(expectedIds(company.deals));
  });

  it.each(FILTERS)('filters by %s', async (_, filter, matches) => {
    const expected = company.deals.filter(matches);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(company.deals.length);
    const { ids, totalCount, totalAmount } = await walk(running, filter, 9);
    expect(ids).toEqual(expectedIds(expected));
    expect(totalCount).toBe(expected.length);
    expect(totalAmount).toBe(sumAmounts(expected));
  });

  it('treats an empty stage list like no stage filter', async () => {
    const { deals } = dataOf(
      await running.request<DealsPage>(DEALS, { variables: { filter: { stages: [] }, first: 1 } }),
    );
    expect(deals.totalCount).toBe(company.deals.length);
  });

  it('returns an empty page, not an error, when nothing matches', async () => {
    const { deals } = dataOf(
      await running.request<DealsPage>(DEALS, {
        variables: { filter: { search: 'no deal is called this' } },
      }),
    );
    expect(deals).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 0,
      totalAmount: 0,
    });
  });
});
