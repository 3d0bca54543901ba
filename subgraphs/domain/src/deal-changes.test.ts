import { describe, expect, it } from 'vitest';
import { factAdjustments, type DealChange, type DealState } from './deal-changes.ts';

const open = (amount: number, closeDate = '2026-12-15'): DealState => ({
  stage: 'NEGOTIATION',
  amount,
  closeDate,
});
const won = (amount: number, closeDate: string): DealState => ({ stage: 'CLOSED_WON', amount, closeDate });
const lost = (amount: number, closeDate: string): DealState => ({ stage: 'CLOSED_LOST', amount, closeDate });

const change = (before: DealState | null, after: DealState, dealType: DealChange['dealType'] = 'EXPANSION') =>
  factAdjustments({
    changeNumber: 1,
    dealId: 'deal-1',
    dealType,
    ownerId: 'user-1',
    region: 'EMEA',
    changedAt: '2026-11-24T10:30:00.000Z',
    before,
    after,
  });

describe('factAdjustments', () => {
  it('books a won deal on its close day and takes it out of the open pipeline from the change day', () => {
    expect(change(open(50_000), won(50_000, '2026-11-24'), 'NEW_BUSINESS')).toEqual([
      { fact: 'new_bookings', date: '2026-11-24', span: 'day', delta: 50_000 },
      { fact: 'deals_won', date: '2026-11-24', span: 'day', delta: 1 },
      { fact: 'new_customers', date: '2026-11-24', span: 'day', delta: 1 },
      { fact: 'open_pipeline', date: '2026-11-24', span: 'onward', delta: -50_000 },
    ]);
  });

  it('counts a lost deal as lost on its close day, with no bookings', () => {
    expect(change(open(20_000), lost(20_000, '2026-11-24'))).toEqual([
      { fact: 'deals_lost', date: '2026-11-24', span: 'day', delta: 1 },
      { fact: 'open_pipeline', date: '2026-11-24', span: 'onward', delta: -20_000 },
    ]);
  });

  it('reverses a win when the deal is reopened: bookings off its old close day, back in the pipeline', () => {
    expect(change(won(30_000, '2026-09-30'), open(30_000))).toEqual([
      { fact: 'open_pipeline', date: '2026-11-24', span: 'onward', delta: 30_000 },
      { fact: 'new_bookings', date: '2026-09-30', span: 'day', delta: -30_000 },
      { fact: 'deals_won', date: '2026-09-30', span: 'day', delta: -1 },
    ]);
  });

  it('moves bookings from one quarter to another when a won deal’s close date moves', () => {
    expect(change(won(10_000, '2026-09-30'), won(10_000, '2026-10-01'))).toEqual([
      { fact: 'new_bookings', date: '2026-10-01', span: 'day', delta: 10_000 },
      { fact: 'deals_won', date: '2026-10-01', span: 'day', delta: 1 },
      { fact: 'new_bookings', date: '2026-09-30', span: 'day', delta: -10_000 },
      { fact: 'deals_won', date: '2026-09-30', span: 'day', delta: -1 },
    ]);
  });

  it('changes the open pipeline by the difference when an open deal’s amount changes, and nothing else', () => {
    expect(change(open(10_000), open(12_500))).toEqual([
      { fact: 'open_pipeline', date: '2026-11-24', span: 'onward', delta: 2_500 },
    ]);
  });

  it('adds nothing for a move between open stages', () => {
    expect(change(open(10_000), { ...open(10_000), stage: 'PROPOSAL' })).toEqual([]);
  });

  it('adds a new open deal to the pipeline', () => {
    expect(change(null, open(7_000))).toEqual([
      { fact: 'open_pipeline', date: '2026-11-24', span: 'onward', delta: 7_000 },
    ]);
  });
});
