import { describe, expect, it } from 'vitest';
import { addDaysIso, OPEN_STAGES, STAGE_PROBABILITY, periodContaining, type DealStage } from '@sophia/domain';
import { ANCHOR, company } from './test-fixture.ts';

const STAGE_ORDER: DealStage[] = [...OPEN_STAGES];
const accountsById = new Map(company.accounts.map((account) => [account.id, account]));

describe('deals', () => {
  it('have a stage history from PROSPECTING, in order, never after the anchor', () => {
    for (const deal of company.deals) {
      const history = deal.stageHistory;
      expect(history[0]?.stage, deal.id).toBe('PROSPECTING');
      expect(history[0]?.enteredAt).toBe(deal.createdAt);
      history.forEach((change, index) => {
        expect(change.dealId).toBe(deal.id);
        expect(change.enteredAt <= ANCHOR).toBe(true);
        const previous = history[index - 1];
        if (!previous) return;
        expect(change.enteredAt > previous.enteredAt, `${deal.id} dates`).toBe(true);
        if (STAGE_ORDER.includes(change.stage)) {
          expect(STAGE_ORDER.indexOf(change.stage)).toBe(STAGE_ORDER.indexOf(previous.stage) + 1);
        }
      });
      expect(deal.stage).toBe(history.at(-1)?.stage);
      expect(deal.probability).toBe(STAGE_PROBABILITY[deal.stage]);
    }
  });

  it('close on their close date, or are open with a close date within two quarters', () => {
    for (const deal of company.deals) {
      expect(deal.createdAt <= ANCHOR).toBe(true);
      if (deal.closedAt !== null) {
        expect(['CLOSED_WON', 'CLOSED_LOST']).toContain(deal.stage);
        expect(deal.closedAt).toBe(deal.closeDate);
        expect(deal.stageHistory.at(-1)?.enteredAt).toBe(deal.closedAt);
        expect(deal.closedAt >= company.factStart).toBe(true);
      } else {
        expect(STAGE_ORDER).toContain(deal.stage);
        expect(deal.closeDate > ANCHOR).toBe(true);
        expect(deal.closeDate <= addDaysIso(ANCHOR, 185)).toBe(true);
      }
    }
  });

  it('are named after their account and priced by segment', () => {
    for (const deal of company.deals) {
      const account = accountsById.get(deal.accountId);
      expect(deal.name.startsWith(`${account?.name} – `)).toBe(true);
      expect(Number.isInteger(deal.amount)).toBe(true);
      if (deal.type !== 'NEW_BUSINESS') continue;
      const [min, max] = {
        SMB: [8_000, 40_000],
        MID_MARKET: [40_000, 150_000],
        ENTERPRISE: [150_000, 900_000],
      }[account?.segment ?? 'SMB'];
      expect(deal.amount).toBeGreaterThanOrEqual(min ?? 0);
      expect(deal.amount).toBeLessThanOrEqual(max ?? 0);
    }
  });

  it('are mostly owned by the account owner', () => {
    const owned = company.deals.filter((deal) => accountsById.get(deal.accountId)?.ownerId === deal.ownerId);
    expect(owned.length / company.deals.length).toBeGreaterThan(0.6);
  });

  it('leave the current quarter with wins so far and deals still open', () => {
    const quarter = periodContaining(ANCHOR, 'QUARTER');
    const won = company.deals.filter(
      (deal) => deal.stage === 'CLOSED_WON' && deal.closedAt !== null && deal.closedAt >= quarter.start,
    );
    const open = company.deals.filter((deal) => deal.closedAt === null && deal.closeDate <= quarter.end);
    expect(won.length).toBeGreaterThanOrEqual(10);
    expect(open.length).toBeGreaterThanOrEqual(10);
  });

  it('include every type and outcome', () => {
    for (const type of ['NEW_BUSINESS', 'EXPANSION', 'RENEWAL'] as const) {
      for (const stage of ['CLOSED_WON', 'CLOSED_LOST'] as const) {
        expect(
          company.deals.some((deal) => deal.type === type && deal.stage === stage),
          `${type} ${stage}`,
        ).toBe(true);
      }
    }
  });
});

describe('accounts', () => {
  it('are unique, believable companies', () => {
    expect(new Set(company.accounts.map((account) => account.name)).size).toBe(company.accounts.length);
    expect(new Set(company.accounts.map((account) => account.website)).size).toBe(company.accounts.length);
    for (const account of company.accounts) {
      expect(account.website).toMatch(/^[a-z0-9]+\.(com|io)$/);
      expect(account.employees).toBeGreaterThan(0);
      expect(account.createdAt <= ANCHOR).toBe(true);
    }
  });

  it('hold contract value only while they are customers', () => {
    for (const account of company.accounts) {
      if (account.status === 'CUSTOMER') expect(account.arr).toBeGreaterThan(0);
      else expect(account.arr).toBe(0);
      if (account.status === 'PROSPECT') expect(account.customerSince).toBeNull();
      else expect(account.customerSince).not.toBeNull();
    }
    expect(company.accounts.filter((account) => account.status === 'CHURNED').length).toBeGreaterThan(0);
  });
});
