/**
 * Daily facts from the first day of the window to the anchor. Commercial facts (bookings, ARR, churn, pipeline,
 * customers) are exact sums over the deals; finance, people and survey facts are modelled around them with
 * weekday, month-end and seasonal patterns.
 */
import type { ArrChange } from './deals.ts';
import {
  type DayNumber,
  isWeekend,
  parseIsoDate,
  toCivil,
  toIsoDate,
  FACT_NAMES,
  type FactName,
  type DailyFact,
  type Deal,
  type User,
} from '@sophia/domain';
import type { Rng } from './prng.ts';

const REVENUE = {
  /** Share of revenue from services, billed on working days only. */
  servicesShare: 0.04,
  noise: 0.004,
};
/** Cost of revenue as a share of revenue: falls as hosting gets cheaper per customer. */
const COGS_RATIO = { atStart: 0.27, atAnchor: 0.235, noise: 0.03 };
/**
 * Research, development and G&A as a share of ARR ÷ 365, mostly payroll on working days, plus rent and tools
 * on the first of the month. Tied to ARR so that burn stays meaningful however fast a seed grows.
 */
const OPEX = { atStart: 0.86, atAnchor: 0.68, monthlyFixed: 110_000, noise: 0.04 };
/** Sales and marketing as a share of ARR ÷ 365: the company gets more efficient. */
const SALES_MARKETING_RATIO = { atStart: 0.32, atAnchor: 0.26, noise: 0.08 };
/** Conferences in May and October, quiet August and December. */
const MARKETING_SEASON: Record<number, number> = { 5: 1.25, 8: 0.9, 10: 1.2, 12: 0.85 };
const STARTING_CASH = { min: 40_000_000, max: 44_000_000 };
const NPS = {
  responsesPerWorkingDay: 6.5,
  responsesPerWeekendDay: 1,
  promoters: { atStart: 0.46, atAnchor: 0.55 },
  detractors: { atStart: 0.22, atAnchor: 0.15 },
};
/** Payroll lands on working days: five weekdays at 1.3 and two weekend days at 0.25 average to one. */
const WORKDAY_WEIGHT = { weekday: 1.3, weekend: 0.25 };

export interface FactInputs {
  window: { start: DayNumber; anchor: DayNumber };
  deals: readonly Deal[];
  arrChanges: readonly ArrChange[];
  startingArr: number;
  users: readonly User[];
  /** The bookings target for each day (the quarter's target spread over its days). */
  bookingsTargetForDay: (day: DayNumber) => number;
}

function cents(value: number): number {
  return Math.round(value * 100);
}

function addTo(map: Map<DayNumber, number>, day: DayNumber, amount: number): void {
  map.set(day, (map.get(day) ?? 0) + amount);
}

/** Sums of deal events per day, computed once. */
function commercialDailyTotals(inputs: FactInputs) {
  const bookings = new Map<DayNumber, number>();
  const newCustomers = new Map<DayNumber, number>();
  const won = new Map<DayNumber, number>();
  const lost = new Map<DayNumber, number>();
  const pipelineDelta = new Map<DayNumber, number>();
  for (const deal of inputs.deals) {
    // Deals created before the window are in the pipeline the day it opens.
    addTo(pipelineDelta, Math.max(parseIsoDate(deal.createdAt), inputs.window.start), deal.amount);
    if (deal.closedAt === null) continue;
    const closed = parseIsoDate(deal.closedAt);
    addTo(pipelineDelta, closed, -deal.amount);
    if (deal.stage === 'CLOSED_LOST') addTo(lost, closed, 1);
    if (deal.stage !== 'CLOSED_WON') continue;
    addTo(won, closed, 1);
    addTo(bookings, closed, deal.amount);
    if (deal.type === 'NEW_BUSINESS') addTo(newCustomers, closed, 1);
  }
  const expansion = new Map<DayNumber, number>();
  const churn = new Map<DayNumber, number>();
  const arrDelta = new Map<DayNumber, number>();
  for (const change of inputs.arrChanges) {
    addTo(arrDelta, change.day, change.amount);
    if (change.kind === 'EXPANSION') addTo(expansion, change.day, change.amount);
    if (change.amount < 0) addTo(churn, change.day, -change.amount);
  }
  return { bookings, newCustomers, won, lost, pipelineDelta, expansion, churn, arrDelta };
}

function interpolate(range: { atStart: number; atAnchor: number }, progress: number): number {
  return range.atStart + (range.atAnchor - range.atStart) * progress;
}

export function buildDailyFacts(rng: Rng, inputs: FactInputs): DailyFact[] {
  const { start, anchor } = inputs.window;
  const totals = commercialDailyTotals(inputs);
  const hireDays = inputs.users.map((user) => parseIsoDate(user.startDate));
  const facts: DailyFact[] = [];

  let arr = inputs.startingArr;
  let cashCents = cents(rng.float(STARTING_CASH.min, STARTING_CASH.max));
  let openPipeline = 0;

  for (let day = start; day <= anchor; day++) {
    const progress = (day - start) / Math.max(1, anchor - start);
    const weekend = isWeekend(day);
    const workdayWeight = weekend ? WORKDAY_WEIGHT.weekend : WORKDAY_WEIGHT.weekday;
    const { month, day: dayOfMonth } = toCivil(day);
    const openingArr = arr;
    const headcount = hireDays.filter((hired) => hired <= day).length;

    const revenueShape = 1 - REVENUE.servicesShare + (weekend ? 0 : (REVENUE.servicesShare * 7) / 5);
    const revenue = cents((openingArr / 365) * revenueShape * (1 + rng.normal(0, REVENUE.noise)));
    const cogs = cents(
      (revenue / 100) * interpolate(COGS_RATIO, progress) * (1 + rng.normal(0, COGS_RATIO.noise)),
    );
    const fixed = dayOfMonth === 1 ? OPEX.monthlyFixed : 0;
    const payroll = (openingArr / 365) * interpolate(OPEX, progress) * workdayWeight;
    const opex = cents((payroll + fixed) * (1 + rng.normal(0, OPEX.noise)));
    const marketing = cents(
      (openingArr / 365) *
        interpolate(SALES_MARKETING_RATIO, progress) *
        workdayWeight *
        (MARKETING_SEASON[month] ?? 1) *
        Math.max(0.2, 1 + rng.normal(0, SALES_MARKETING_RATIO.noise)),
    );
    const netBurn = cogs + opex + marketing - revenue;
    cashCents -= netBurn;
    arr += totals.arrDelta.get(day) ?? 0;
    openPipeline += totals.pipelineDelta.get(day) ?? 0;

    const responses = rng.poisson(
      (weekend ? NPS.responsesPerWeekendDay : NPS.responsesPerWorkingDay) *
        Math.sqrt(openingArr / inputs.startingArr),
    );
    const promoterShare = interpolate(NPS.promoters, progress);
    const detractorShare = interpolate(NPS.detractors, progress);
    const survey = { promoters: 0, passives: 0, detractors: 0 };
    for (let response = 0; response < responses; response++) {
      const draw = rng.next();
      if (draw < promoterShare) survey.promoters++;
      else if (draw < promoterShare + detractorShare) survey.detractors++;
      else survey.passives++;
    }

    const values: Record<FactName, number> = {
      revenue: revenue / 100,
      cogs: cogs / 100,
      opex: opex / 100,
      sales_marketing_spend: marketing / 100,
      net_burn: netBurn / 100,
      cash: cashCents / 100,
      new_bookings: totals.bookings.get(day) ?? 0,
      expansion_arr: totals.expansion.get(day) ?? 0,
      churned_arr: totals.churn.get(day) ?? 0,
      arr,
      new_customers: totals.newCustomers.get(day) ?? 0,
      deals_won: totals.won.get(day) ?? 0,
      deals_lost: totals.lost.get(day) ?? 0,
      open_pipeline: openPipeline,
      bookings_target_daily: inputs.bookingsTargetForDay(day),
      headcount,
      nps_promoters: survey.promoters,
      nps_passives: survey.passives,
      nps_detractors: survey.detractors,
    };
    const date = toIsoDate(day);
    for (const fact of FACT_NAMES) facts.push({ date, fact, value: values[fact] });
  }
  return facts;
}
