import { describe, expect, it } from 'vitest';
import { addDaysIso, FACT_NAMES, periodsOverlapping } from '@sophia/domain';
import { ANCHOR, company, factSeries } from './test-fixture.ts';

const dates = [...factSeries('revenue').keys()];

function sumOfFacts(fact: string, start: string, end: string): number {
  return company.facts
    .filter((row) => row.fact === fact && row.date >= start && row.date <= end)
    .reduce((sum, row) => sum + row.value, 0);
}

describe('daily facts', () => {
  it('hold every fact for every day from the window start to the anchor', () => {
    expect(dates[0]).toBe(company.factStart);
    expect(dates.at(-1)).toBe(ANCHOR);
    dates.forEach((date, index) => index > 0 && expect(date).toBe(addDaysIso(dates[index - 1] ?? '', 1)));
    expect(company.facts).toHaveLength(dates.length * FACT_NAMES.length);
    for (const row of company.facts) expect(Number.isFinite(row.value)).toBe(true);
  });

  it('book exactly the closed-won deals, day by day and quarter by quarter', () => {
    const bookings = factSeries('new_bookings');
    const byDay = new Map<string, number>();
    for (const deal of company.deals) {
      if (deal.stage === 'CLOSED_WON' && deal.closedAt !== null) {
        byDay.set(deal.closedAt, (byDay.get(deal.closedAt) ?? 0) + deal.amount);
      }
    }
    for (const date of dates) expect(bookings.get(date), date).toBe(byDay.get(date) ?? 0);
    for (const quarter of periodsOverlapping(company.factStart, ANCHOR, 'QUARTER')) {
      const won = company.deals
        .filter((deal) => deal.stage === 'CLOSED_WON' && deal.closedAt !== null)
        .filter((deal) => (deal.closedAt ?? '') >= quarter.start && (deal.closedAt ?? '') <= quarter.end)
        .reduce((sum, deal) => sum + deal.amount, 0);
      expect(sumOfFacts('new_bookings', quarter.start, quarter.end), quarter.key).toBe(won);
    }
  });

  it('count won, lost and new-customer deals exactly', () => {
    const count = (predicate: (deal: (typeof company.deals)[number]) => boolean) =>
      company.deals.filter((deal) => deal.closedAt !== null && predicate(deal)).length;
    expect(sumOfFacts('deals_won', company.factStart, ANCHOR)).toBe(
      count((deal) => deal.stage === 'CLOSED_WON'),
    );
    expect(sumOfFacts('deals_lost', company.factStart, ANCHOR)).toBe(
      count((deal) => deal.stage === 'CLOSED_LOST'),
    );
    expect(sumOfFacts('new_customers', company.factStart, ANCHOR)).toBe(
      count((deal) => deal.stage === 'CLOSED_WON' && deal.type === 'NEW_BUSINESS'),
    );
  });

  it('grow ARR from about $18M to $30–40M, moving only with new business, expansion and churn', () => {
    const arr = factSeries('arr');
    const first = arr.get(company.factStart) ?? 0;
    const last = arr.get(ANCHOR) ?? 0;
    expect(first).toBeGreaterThan(17_000_000);
    expect(first).toBeLessThan(20_000_000);
    expect(last).toBeGreaterThan(30_000_000);
    expect(last).toBeLessThan(40_000_000);
    expect(last).toBe(company.accounts.reduce((sum, account) => sum + account.arr, 0));
    const newBusiness = new Map<string, number>();
    for (const deal of company.deals) {
      if (deal.stage === 'CLOSED_WON' && deal.type === 'NEW_BUSINESS' && deal.closedAt !== null) {
        newBusiness.set(deal.closedAt, (newBusiness.get(deal.closedAt) ?? 0) + deal.amount);
      }
    }
    const expansion = factSeries('expansion_arr');
    const churn = factSeries('churned_arr');
    dates.forEach((date, index) => {
      if (index === 0) return;
      const change = (newBusiness.get(date) ?? 0) + (expansion.get(date) ?? 0) - (churn.get(date) ?? 0);
      expect((arr.get(date) ?? 0) - (arr.get(dates[index - 1] ?? '') ?? 0), date).toBe(change);
    });
  });

  it('recognise revenue at about ARR ÷ 365 a day', () => {
    const revenue = sumOfFacts('revenue', '2026-07-01', '2026-09-30');
    const arr = factSeries('arr');
    const averageArr = ((arr.get('2026-06-30') ?? 0) + (arr.get('2026-09-30') ?? 0)) / 2;
    expect(revenue / ((averageArr * 92) / 365)).toBeGreaterThan(0.95);
    expect(revenue / ((averageArr * 92) / 365)).toBeLessThan(1.05);
  });

  it('keep cash and net burn consistent with costs and revenue, to the cent', () => {
    const cash = factSeries('cash');
    const burn = factSeries('net_burn');
    const parts = ['cogs', 'opex', 'sales_marketing_spend', 'revenue'].map(factSeries);
    dates.forEach((date, index) => {
      const [cogs, opex, marketing, revenue] = parts.map((series) => series.get(date) ?? 0) as [
        number,
        number,
        number,
        number,
      ];
      expect(burn.get(date)).toBeCloseTo(cogs + opex + marketing - revenue, 2);
      if (index > 0)
        expect((cash.get(dates[index - 1] ?? '') ?? 0) - (cash.get(date) ?? 0)).toBeCloseTo(
          burn.get(date) ?? 0,
          2,
        );
    });
    expect(cash.get(ANCHOR)).toBeGreaterThan(0);
  });

  it('count headcount from hire dates, ending at the whole company', () => {
    const headcount = factSeries('headcount');
    expect(headcount.get(ANCHOR)).toBe(company.users.length);
    const hiredBy = (date: string) => company.users.filter((user) => user.startDate <= date).length;
    for (const date of [company.factStart, '2025-06-30', '2026-03-15'])
      expect(headcount.get(date)).toBe(hiredBy(date));
    expect(headcount.get(company.factStart)).toBeLessThan(company.users.length);
  });

  it('derive open pipeline from the deals open each day', () => {
    const pipeline = factSeries('open_pipeline');
    const openOn = (date: string) =>
      company.deals
        .filter((deal) => deal.createdAt <= date && (deal.closedAt === null || deal.closedAt > date))
        .reduce((sum, deal) => sum + deal.amount, 0);
    for (const date of [company.factStart, '2025-05-12', '2026-02-27', ANCHOR])
      expect(pipeline.get(date)).toBe(openOn(date));
  });

  it('spread each quarter’s bookings target evenly, in whole dollars', () => {
    for (const quarter of periodsOverlapping(company.factStart, '2026-09-30', 'QUARTER')) {
      const target = company.targets.find(
        (entry) => entry.metricId === 'new_bookings' && entry.period === quarter.key,
      );
      expect(sumOfFacts('bookings_target_daily', quarter.start, quarter.end)).toBe(target?.value);
    }
  });

  it('collect NPS responses mostly on working days', () => {
    const responses = ['nps_promoters', 'nps_passives', 'nps_detractors'].reduce(
      (sum, fact) => sum + sumOfFacts(fact, company.factStart, ANCHOR),
      0,
    );
    expect(responses).toBeGreaterThan(dates.length * 3);
  });
});
