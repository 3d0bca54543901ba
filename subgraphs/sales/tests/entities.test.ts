import type { Deal } from '@sophia/ops';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SalesStore } from '../src/store.ts';
import { company, dataOf, statusOf, sumAmounts, useSales } from './harness.ts';
import { STORE_BACKENDS } from '../../kit/tests/store-contract-backends.ts';

/** Newest close date first, ties by id: the order of Account.deals and User.deals. */
const byCloseDateDesc = (a: Deal, b: Deal): number =>
  a.closeDate < b.closeDate ? 1 : a.closeDate > b.closeDate ? -1 : a.id < b.id ? -1 : 1;

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Deal {
        id
        name
        amount
        account {
          id
        }
      }
      ... on Account {
        id
        name
        wonAmount
      }
      ... on User {
        id
        deals(status: WON) {
          id
        }
      }
    }
  }
`;

const wonDeal = company.deals.find((deal) => statusOf(deal) === 'WON' && deal.stageHistory.length === 5)!;
/** The account with the most deals, so its lists and totals have something in them. */
const account = company.accounts
  .map((candidate) => ({ candidate, deals: company.deals.filter((deal) => deal.accountId === candidate.id) }))
  .sort((a, b) => b.deals.length - a.deals.length)[0]!.candidate;
const accountDeals = company.deals.filter((deal) => deal.accountId === account.id);

// On each store backend: embedded DuckDB, and the FAKE Snowflake through snowflake-sdk (the SQL is shared).
describe.each(STORE_BACKENDS)('entities and single lookups on %s', (dialect) => {
  const running = useSales(dialect);
  afterEach(() => vi.restoreAllMocks());

  it('returns a deal with its account, owner reference and stage history', async () => {
    const { deal } = dataOf(
      await running.request<{ deal: Record<string, unknown> }>(
        `query($id: ID!) { deal(id: $id) {
          id name amount currency stage status type probability weightedAmount closeDate createdAt
          account { id name } owner { id } stageHistory { stage enteredAt }
        } }`,
        { variables: { id: wonDeal.id } },
      ),
    );
    expect(deal).toEqual({
      id: wonDeal.id,
      name: wonDeal.name,
      amount: wonDeal.amount,
      currency: company.currency,
      stage: 'CLOSED_WON',
      status: 'WON',
      type: wonDeal.type,
      probability: 1,
      weightedAmount: wonDeal.amount,
      closeDate: wonDeal.closeDate,
      createdAt: wonDeal.createdAt,
      account: {
        id: wonDeal.accountId,
        name: company.accounts.find((a) => a.id === wonDeal.accountId)!.name,
      },
      owner: { id: wonDeal.ownerId },
      stageHistory: wonDeal.stageHistory.map(({ stage, enteredAt }) => ({ stage, enteredAt })),
    });
  });

  it('returns an account with its deals by status, newest close first, and its totals', async () => {
    const { account: found } = dataOf(
      await running.request<{ account: Record<string, unknown> }>(
        `query($id: ID!) { account(id: $id) {
          id name industry segment region employees website currency owner { id }
          openPipeline wonAmount all: deals { id } won: deals(status: WON) { id } open: deals(status: OPEN) { id }
        } }`,
        { variables: { id: account.id } },
      ),
    );
    const ids = (status?: string) =>
      accountDeals
        .filter((deal) => status === undefined || statusOf(deal) === status)
        .sort(byCloseDateDesc)
        .map((deal) => ({ id: deal.id }));
    expect(found).toEqual({
      id: account.id,
      name: account.name,
      industry: account.industry,
      segment: account.segment,
      region: account.region,
      employees: account.employees,
      website: account.website,
      currency: company.currency,
      owner: { id: account.ownerId },
      openPipeline: sumAmounts(accountDeals.filter((deal) => statusOf(deal) === 'OPEN')),
      wonAmount: sumAmounts(accountDeals.filter((deal) => statusOf(deal) === 'WON')),
      all: ids(),
      won: ids('WON'),
      open: ids('OPEN'),
    });
    expect((found['all'] as unknown[]).length).toBeGreaterThan(2);
  });

  it('returns null, not an error, for an unknown id', async () => {
    const response = await running.request('{ deal(id: "deal_none") { id } account(id: "acc_none") { id } }');
    expect(dataOf(response)).toEqual({ deal: null, account: null });
  });

  it('pages through accounts by name exactly once, and searches names in any case', async () => {
    const ACCOUNTS = `query($search: String, $after: String) {
      accounts(search: $search, first: 13, after: $after) {
        nodes { id name } pageInfo { hasNextPage endCursor } totalCount
      } }`;
    type Page = {
      accounts: {
        nodes: { id: string; name: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
        totalCount: number;
      };
    };
    const walk = async (search: string | null) => {
      const seen: string[] = [];
      let after: string | null = null;
      let totalCount = -1;
      for (;;) {
        const { accounts }: Page = dataOf(
          await running.request<Page>(ACCOUNTS, { variables: { search, after } }),
        );
        seen.push(...accounts.nodes.map((node) => node.id));
        totalCount = accounts.totalCount;
        if (!accounts.pageInfo.hasNextPage) return { seen, totalCount };
        after = accounts.pageInfo.endCursor;
      }
    };
    const byName = [...company.accounts].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1,
    );
    const all = await walk(null);
    expect(all.seen).toEqual(byName.map((a) => a.id));
    expect(all.totalCount).toBe(company.accounts.length);

    const word = account.name.split(' ').at(-1)!;
    const matching = byName.filter((a) => a.name.toLowerCase().includes(word.toLowerCase()));
    const searched = await walk(word.toUpperCase());
    expect(searched.seen).toEqual(matching.map((a) => a.id));
    expect(searched.totalCount).toBe(matching.length);
    expect(matching.length).toBeLessThan(company.accounts.length);
  });

  it('resolves Deal, Account and User references, with null for an unknown deal', async () => {
    const owner = wonDeal.ownerId;
    const response = await running.request<{ _entities: unknown[] }>(ENTITIES, {
      variables: {
        representations: [
          { __typename: 'Deal', id: wonDeal.id },
          { __typename: 'Account', id: account.id },
          { __typename: 'User', id: owner },
          { __typename: 'Deal', id: 'deal_none' },
        ],
      },
    });
    expect(dataOf(response)._entities).toEqual([
      { id: wonDeal.id, name: wonDeal.name, amount: wonDeal.amount, account: { id: wonDeal.accountId } },
      {
        id: account.id,
        name: account.name,
        wonAmount: sumAmounts(accountDeals.filter((deal) => statusOf(deal) === 'WON')),
      },
      {
        id: owner,
        deals: company.deals
          .filter((deal) => deal.ownerId === owner && statusOf(deal) === 'WON')
          .sort(byCloseDateDesc)
          .map((deal) => ({ id: deal.id })),
      },
      null,
    ]);
  });

  it('batches entity loads and nested lists: one query per kind, however many parents', async () => {
    const byIds = vi.spyOn(SalesStore.prototype, 'dealsByIds');
    const ofAccounts = vi.spyOn(SalesStore.prototype, 'dealsOfAccounts');
    const ofOwners = vi.spyOn(SalesStore.prototype, 'dealsOfOwners');
    const history = vi.spyOn(SalesStore.prototype, 'stageChanges');
    const accountsByIds = vi.spyOn(SalesStore.prototype, 'accountsByIds');
    const deals = company.deals.slice(0, 30);
    const response = await running.request<{ _entities: { stageHistory: unknown[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Deal { stageHistory { stage } account { deals { id } } owner { deals { id } } }
      } }`,
      { variables: { r: deals.map((deal) => ({ __typename: 'Deal', id: deal.id })) } },
    );
    expect(dataOf(response)._entities).toHaveLength(30);
    expect(byIds).toHaveBeenCalledTimes(1);
    expect(accountsByIds).toHaveBeenCalledTimes(1);
    expect(history).toHaveBeenCalledTimes(1);
    expect(ofAccounts).toHaveBeenCalledTimes(1);
    expect(ofOwners).toHaveBeenCalledTimes(1);
  });
});
