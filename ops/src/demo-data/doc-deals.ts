/** Win/loss reviews: what sales wrote after the largest recent wins, losses and churned renewals. */
import { parseIsoDate, type Deal } from '@sophia/domain';
import {
  type DocumentContext,
  type DocumentDraft,
  daysBetween,
  paragraphs,
  tag,
  workdayTimestamp,
} from './doc-context.ts';
import { COMPETITORS, fillTemplate } from './doc-phrases.ts';
import { formatDate, formatExactMoney, formatMonth } from './format.ts';
import type { Rng } from './prng.ts';
import { compareText } from './order.ts';

const LOOKBACK_DAYS = 365;
const WINS = 15;
const LOSSES = 10;
const CHURNS = 5;

const WIN_REASONS = [
  'the forecasting module, which no other vendor on the shortlist could match',
  'time to value: the pilot had their executive dashboards live in nine days',
  'the native Snowflake and Salesforce connectors, which removed a data engineering project from their plan',
  'a strong reference call with a customer in the same industry',
  'our security posture: SOC 2 Type II plus EU data residency on the roadmap',
];

const LOSS_REASONS = [
  'price: {competitor} came in roughly 30% lower and the buyer did not value forecasting enough to pay the difference',
  'timing: their budget was frozen after a reorganisation, and the project moved to next year',
  'an existing enterprise agreement that bundled {competitor} at almost no extra cost',
  'we never reached the economic buyer; our champion could not get the project prioritised',
  'missing EU data residency, which their legal team made a hard requirement',
];

const CHURN_REASONS = [
  'an acquisition: the parent company standardised on its own BI tool',
  'budget cuts after a difficult year; analytics tools were consolidated',
  'low adoption after their sponsor left; usage had been falling for two quarters',
];

const LESSONS = [
  'Multi-thread earlier: every deal this size needs the CFO in a meeting before the proposal.',
  'Lead with the forecasting demo when finance is in the room.',
  'Qualify data residency in the first call for every EMEA deal.',
  'Bring a customer reference into the evaluation instead of waiting to be asked.',
  'Put a mutual close plan in writing once the deal reaches proposal.',
];

function review(
  rng: Rng,
  context: DocumentContext,
  deal: Deal,
  outcome: 'won' | 'lost' | 'churned',
): DocumentDraft {
  const account = context.account(deal.accountId);
  const owner = context.user(deal.ownerId);
  const closedAt = deal.closedAt ?? deal.closeDate;
  const competitor = rng.pick(COMPETITORS);
  const cycle = daysBetween(deal.createdAt, closedAt);
  const lastOpenStage = deal.stageHistory.at(-2)?.stage.toLowerCase() ?? 'prospecting';
  const day = Math.min(context.anchorDay, parseIsoDate(closedAt) + rng.int(2, 12));
  const reason =
    outcome === 'won'
      ? rng.pick(WIN_REASONS)
      : outcome === 'lost'
        ? fillTemplate(rng.pick(LOSS_REASONS), { competitor })
        : rng.pick(CHURN_REASONS);
  const headline =
    outcome === 'won'
      ? `We won ${deal.name} on ${formatDate(closedAt)}: ${formatExactMoney(deal.amount)} in annual contract value after a ${cycle}-day cycle.`
      : outcome === 'lost'
        ? `We lost ${deal.name} (${formatExactMoney(deal.amount)}) on ${formatDate(closedAt)} after ${cycle} days; it had reached ${lastOpenStage}.`
        : `${account.name} did not renew (${deal.name}). The ${formatExactMoney(deal.amount)} contract ended on ${formatDate(closedAt)}, which comes straight off ARR.`;
  return {
    title: `${outcome === 'won' ? 'Win' : outcome === 'lost' ? 'Loss' : 'Churn'} review: ${deal.name} (${formatMonth(closedAt)})`,
    kind: 'DOCUMENT',
    content: paragraphs(
      headline,
      `Account: ${account.name}, ${account.segment.toLowerCase().replace('_', '-')} ${account.industry.toLowerCase()} company in ${account.region} with about ${account.employees.toLocaleString('en-US')} employees. Owner: ${owner.name}.`,
      `Why: ${reason}. ${outcome === 'won' ? `The main alternative was ${competitor}.` : outcome === 'lost' ? `The buyer told us the decision was close until the last week.` : 'The customer success plan flagged the risk, but too late to change the outcome.'}`,
      `What we learned: ${rng.sample(LESSONS, 2).join(' ')}`,
      outcome === 'won'
        ? 'Handover: onboarding kicks off next week with Customer Success; the success plan targets executive dashboards live within 30 days.'
        : 'Follow-up: keep the account in nurture and revisit in two quarters.',
    ),
    authorId: owner.id,
    accountId: account.id,
    projectId: null,
    dealId: deal.id,
    visibility: 'TEAM',
    createdAt: workdayTimestamp(rng, day, context.anchorDay),
    tags: ['win-loss', outcome, tag(deal.type), tag(account.segment)],
  };
}

export function dealDocuments(rng: Rng, context: DocumentContext): DocumentDraft[] {
  const since = context.anchorDay - LOOKBACK_DAYS;
  const recent = context.sources.deals
    .filter((deal) => deal.closedAt !== null && parseIsoDate(deal.closedAt) >= since)
    .sort((a, b) => b.amount - a.amount || compareText(a.id, b.id));
  const pick = (stage: Deal['stage'], type: (deal: Deal) => boolean, count: number) =>
    recent.filter((deal) => deal.stage === stage && type(deal)).slice(0, count);
  return [
    ...pick('CLOSED_WON', (deal) => deal.type !== 'RENEWAL', WINS).map((deal) =>
      review(rng.fork(deal.id), context, deal, 'won'),
    ),
    ...pick('CLOSED_LOST', (deal) => deal.type === 'NEW_BUSINESS', LOSSES).map((deal) =>
      review(rng.fork(deal.id), context, deal, 'lost'),
    ),
    ...pick('CLOSED_LOST', (deal) => deal.type === 'RENEWAL', CHURNS).map((deal) =>
      review(rng.fork(deal.id), context, deal, 'churned'),
    ),
  ];
}
