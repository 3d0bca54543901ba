/**
 * The operating plan: a smooth, slightly ambitious version of every fact, fitted to the actuals and extended
 * past the anchor. Targets are metrics evaluated over the plan, so a target means the same thing as its metric
 * for any period, and some land above the actuals while others land below.
 */
import {
  type DayNumber,
  parseIsoDate,
  toIsoDate,
  FACTS,
  FACT_NAMES,
  type FactName,
  periodContaining,
  type DailyFact,
} from '@sophia/domain';
import { type Line, completeMonths, fitLine, valueAt } from './trend.ts';

/**
 * The plan relative to the trend of the actuals. Above one on a higher-is-better fact (or below one on a cost)
 * makes the target harder to hit; the mix is what gives a believable set of beats and misses.
 */
const AMBITION: Partial<Record<FactName, number>> = {
  revenue: 0.99,
  arr: 0.985,
  cogs: 1.02,
  opex: 0.98,
  sales_marketing_spend: 0.97,
  expansion_arr: 1.05,
  churned_arr: 1.1,
  new_customers: 1.12,
  deals_lost: 0.95,
  headcount: 1.03,
  open_pipeline: 1.15,
  nps_promoters: 0.95,
  nps_detractors: 1.05,
};
/** Sales quotas are set above the trend of bookings. */
const BOOKINGS_AMBITION = 1.08;
const QUOTA_ROUNDING = 50_000;

/** Daily values of every fact, indexed by day since the window opened. */
export type FactColumns = Map<FactName, Float64Array>;

export function factColumns(facts: readonly DailyFact[], start: DayNumber, end: DayNumber): FactColumns {
  const columns: FactColumns = new Map(FACT_NAMES.map((fact) => [fact, new Float64Array(end - start + 1)]));
  for (const row of facts) {
    const column = columns.get(row.fact);
    if (column) column[parseIsoDate(row.date) - start] = row.value;
  }
  return columns;
}

/** The trend of a fact per day: of its daily rate for flows, of its level at month end for stocks. */
function trendOf(values: Float64Array, start: DayNumber, last: DayNumber, kind: 'FLOW' | 'STOCK'): Line {
  const points = completeMonths(start, last).map(({ start: monthStart, end: monthEnd }) => {
    if (kind === 'STOCK') return { x: monthEnd - start, y: values[monthEnd - start] ?? 0 };
    let sum = 0;
    for (let day = monthStart; day <= monthEnd; day++) sum += values[day - start] ?? 0;
    return { x: (monthStart + monthEnd) / 2 - start, y: sum / (monthEnd - monthStart + 1) };
  });
  return fitLine(points);
}

/**
 * Quarterly bookings quotas from the trend of daily bookings, spread evenly (in whole dollars) over each
 * quarter's days so that the days of a quarter add up to its quota exactly.
 */
export function bookingsTargetSchedule(dailyBookings: Float64Array, start: DayNumber, anchor: DayNumber) {
  const trend = trendOf(dailyBookings, start, anchor, 'FLOW');
  const quotas = new Map<string, { start: DayNumber; days: number; quota: number }>();
  return (day: DayNumber): number => {
    const quarter = periodContaining(toIsoDate(day), 'QUARTER');
    let entry = quotas.get(quarter.key);
    if (!entry) {
      const first = parseIsoDate(quarter.start);
      const days = parseIsoDate(quarter.end) - first + 1;
      const expected =
        valueAt(trend, (first + parseIsoDate(quarter.end)) / 2 - start) * days * BOOKINGS_AMBITION;
      entry = {
        start: first,
        days,
        quota: Math.max(QUOTA_ROUNDING, Math.round(expected / QUOTA_ROUNDING) * QUOTA_ROUNDING),
      };
      quotas.set(quarter.key, entry);
    }
    const base = Math.floor(entry.quota / entry.days);
    return base + (day - entry.start < entry.quota - base * entry.days ? 1 : 0);
  };
}

/** Plan values of every fact for every day from the window's start to `planEnd`. */
export function buildPlanFacts(
  columns: FactColumns,
  window: { start: DayNumber; anchor: DayNumber },
  planEnd: DayNumber,
  bookingsTargetForDay: (day: DayNumber) => number,
): DailyFact[] {
  const trends = new Map(
    FACT_NAMES.map((fact) => [
      fact,
      trendOf(columns.get(fact) ?? new Float64Array(), window.start, window.anchor, FACTS[fact].kind),
    ]),
  );
  const facts: DailyFact[] = [];
  for (let day = window.start; day <= planEnd; day++) {
    const planned = (fact: FactName) => {
      const trend = valueAt(trends.get(fact) ?? { intercept: 0, slope: 0 }, day - window.start);
      return Math.max(0, trend) * (AMBITION[fact] ?? 1);
    };
    const values = new Map<FactName, number>(FACT_NAMES.map((fact) => [fact, planned(fact)]));
    values.set('new_bookings', bookingsTargetForDay(day));
    values.set('bookings_target_daily', bookingsTargetForDay(day));
    values.set(
      'net_burn',
      planned('cogs') + planned('opex') + planned('sales_marketing_spend') - planned('revenue'),
    );
    const date = toIsoDate(day);
    for (const fact of FACT_NAMES) facts.push({ date, fact, value: values.get(fact) ?? 0 });
  }
  return facts;
}
