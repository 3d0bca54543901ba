/** Monthly business reviews from Finance and quarterly board updates: the numbers, against plan, with comment. */
import { parseIsoDate, metricById, type Period, periodContaining, previousPeriod } from '@sophia/domain';
import {
  type DocumentContext,
  type DocumentDraft,
  listOf,
  paragraphs,
  workdayTimestamp,
} from './doc-context.ts';
import { formatDate, formatExactMoney, formatMonth, formatValue } from './format.ts';
import type { Rng } from './prng.ts';
import { compareText } from './order.ts';

const MONTHLY_REVIEWS = 12;
const BOARD_UPDATES = 4;

interface Reading {
  metricId: string;
  name: string;
  actual: number;
  target: number | null;
  text: string;
}

function reading(context: DocumentContext, metricId: string, period: Period): Reading | null {
  const metric = metricById(metricId);
  const actual = context.metric(metricId, period.start, period.end);
  if (actual === null) return null;
  const target = context.target(metricId, period.key);
  return {
    metricId,
    name: metric.name,
    actual,
    target,
    text: `${formatValue(actual, metric.unit)}${target === null ? '' : ` (target ${formatValue(target, metric.unit)})`}`,
  };
}

function ahead(entry: Reading): boolean | null {
  if (entry.target === null) return null;
  return metricById(entry.metricId).higherIsBetter
    ? entry.actual >= entry.target
    : entry.actual <= entry.target;
}

/** A metric name mid-sentence: `Net burn` → `net burn`, acronyms such as `ARR` unchanged. */
function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** "Ahead of plan: …. Behind plan: …." from the readings. */
function commentary(readings: readonly Reading[]): string {
  const aheadOf = readings.filter((entry) => ahead(entry) === true).map((entry) => inSentence(entry.name));
  const behind = readings.filter((entry) => ahead(entry) === false).map((entry) => inSentence(entry.name));
  return [
    aheadOf.length > 0 ? `Ahead of plan: ${listOf(aheadOf)}.` : '',
    behind.length > 0 ? `Behind plan: ${listOf(behind)}.` : 'Every tracked metric is on or ahead of plan.',
  ]
    .join(' ')
    .trim();
}

function readAll(context: DocumentContext, ids: readonly string[], period: Period): Map<string, Reading> {
  return new Map(
    ids.flatMap((id) => {
      const entry = reading(context, id, period);
      return entry ? [[id, entry] as const] : [];
    }),
  );
}

const text = (readings: Map<string, Reading>, id: string) => readings.get(id)?.text ?? 'n/a';

function monthlyReview(rng: Rng, context: DocumentContext, month: Period): DocumentDraft {
  const ids = [
    'revenue',
    'arr',
    'new_bookings',
    'gross_margin',
    'burn',
    'cash',
    'runway',
    'new_customers',
    'nrr',
    'churn',
    'nps',
    'headcount',
  ];
  const readings = readAll(context, ids, month);
  const monthName = formatMonth(month.start);
  const author = context.byTitle('Chief Financial Officer');
  return {
    title: `Monthly business review – ${monthName}`,
    kind: 'DOCUMENT',
    content: paragraphs(
      `Monthly business review for ${monthName}, prepared by Finance. All figures in USD; targets are the operating plan.`,
      `Revenue and growth: revenue was ${text(readings, 'revenue')}. ARR ended the month at ${text(readings, 'arr')}. Bookings were ${text(readings, 'new_bookings')}, with ${text(readings, 'new_customers')} new customers.`,
      `Margin and cash: gross margin was ${text(readings, 'gross_margin')}. Net burn was ${text(readings, 'burn')}, leaving ${text(readings, 'cash')} in cash and ${text(readings, 'runway')} of runway at this month's burn.`,
      `Customers and people: net revenue retention for the month was ${text(readings, 'nrr')} and gross churn ${text(readings, 'churn')}. NPS was ${text(readings, 'nps')}. Headcount closed at ${text(readings, 'headcount')}.`,
      `Commentary: ${commentary([...readings.values()])} ${rng.pick([
        'Bookings are lumpy month to month; the quarter is the better read.',
        'Hosting costs keep falling per customer, which shows in gross margin.',
        'Hiring remains slightly behind plan, which flatters burn in the short term.',
        'Marketing spend is seasonal around the spring and autumn events.',
      ])}`,
    ),
    authorId: author.id,
    accountId: null,
    projectId: null,
    dealId: null,
    visibility: 'TEAM',
    createdAt: workdayTimestamp(rng, parseIsoDate(month.end) + rng.int(6, 9), context.anchorDay),
    tags: ['business-review', 'finance', 'monthly', month.key],
  };
}

function boardUpdate(rng: Rng, context: DocumentContext, quarter: Period): DocumentDraft {
  const ids = [
    'revenue',
    'arr',
    'new_bookings',
    'gross_margin',
    'burn',
    'cash',
    'runway',
    'nrr',
    'new_customers',
    'nps',
    'headcount',
    'win_rate',
  ];
  const readings = readAll(context, ids, quarter);
  const won = context.sources.deals
    .filter(
      (deal) =>
        deal.stage === 'CLOSED_WON' &&
        deal.closedAt !== null &&
        deal.closedAt >= quarter.start &&
        deal.closedAt <= quarter.end &&
        deal.type !== 'RENEWAL',
    )
    .sort((a, b) => b.amount - a.amount || compareText(a.id, b.id))
    .slice(0, 3);
  const churned = context.sources.deals.filter(
    (deal) =>
      deal.type === 'RENEWAL' &&
      deal.stage === 'CLOSED_LOST' &&
      deal.closedAt !== null &&
      deal.closedAt >= quarter.start &&
      deal.closedAt <= quarter.end,
  );
  const author = context.byTitle('Chief Executive Officer');
  return {
    title: `Board update – ${quarter.key}`,
    kind: 'DOCUMENT',
    content: paragraphs(
      `Board update for ${quarter.key} (${formatDate(quarter.start)} to ${formatDate(quarter.end)}).`,
      `Summary: ARR closed the quarter at ${text(readings, 'arr')} on revenue of ${text(readings, 'revenue')}. Bookings were ${text(readings, 'new_bookings')} at a ${text(readings, 'win_rate')} win rate, and we signed ${text(readings, 'new_customers')} new customers. Net revenue retention for the quarter was ${text(readings, 'nrr')}.`,
      `Efficiency: gross margin ${text(readings, 'gross_margin')}; net burn ${text(readings, 'burn')}; cash at quarter end ${text(readings, 'cash')}, or ${text(readings, 'runway')} of runway. Headcount ${text(readings, 'headcount')}. NPS ${text(readings, 'nps')}.`,
      won.length > 0
        ? `Largest wins: ${listOf(won.map((deal) => `${deal.name} (${formatExactMoney(deal.amount)})`))}.`
        : null,
      churned.length > 0
        ? `Churn: ${listOf(churned.map((deal) => `${context.account(deal.accountId).name} (${formatExactMoney(deal.amount)})`))} did not renew.`
        : 'Churn: no customer left us this quarter; contraction came only from downgrades at renewal.',
      `Plan: ${commentary([...readings.values()])} Asks of the board: introductions to ${rng.pick(['enterprise CFOs in financial services', 'EMEA channel partners', 'two experienced enterprise sales leaders', 'data platform partners'])}.`,
    ),
    authorId: author.id,
    accountId: null,
    projectId: null,
    dealId: null,
    visibility: 'TEAM',
    createdAt: workdayTimestamp(rng, parseIsoDate(quarter.end) + rng.int(14, 24), context.anchorDay),
    tags: ['board', 'executive', 'quarterly', quarter.key.toLowerCase()],
  };
}

/** Complete periods before the anchor's, newest last, that the facts fully cover. */
function completePeriods(context: DocumentContext, grain: Period['grain'], count: number): Period[] {
  const periods: Period[] = [];
  for (
    let period = previousPeriod(periodContaining(context.sources.anchor, grain));
    periods.length < count;
    period = previousPeriod(period)
  ) {
    if (period.start < context.sources.factStart) break;
    periods.unshift(period);
  }
  return periods;
}

export function businessReviewDocuments(rng: Rng, context: DocumentContext): DocumentDraft[] {
  return [
    ...completePeriods(context, 'MONTH', MONTHLY_REVIEWS).map((month) =>
      monthlyReview(rng.fork(month.key), context, month),
    ),
    // Board updates go out about three weeks after the quarter; skip one not yet written.
    ...completePeriods(context, 'QUARTER', BOARD_UPDATES)
      .filter((quarter) => parseIsoDate(quarter.end) + 24 <= context.anchorDay)
      .map((quarter) => boardUpdate(rng.fork(quarter.key), context, quarter)),
  ];
}
