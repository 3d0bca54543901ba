/** Strategy memos from the leadership team, each built on the figures as they stood when it was written. */
import {
  parseIsoDate,
  toIsoDate,
  periodContaining,
  previousPeriod,
  type Deal,
  type Segment,
} from '@sophia/domain';
import {
  type DocumentContext,
  type DocumentDraft,
  daysBetween,
  paragraphs,
  workday,
  workdayTimestamp,
} from './doc-context.ts';
import { formatMoney } from './format.ts';
import type { Rng } from './prng.ts';

interface Memo {
  title: string;
  authorTitle: string;
  daysAgo: number;
  visibility: DocumentDraft['visibility'];
  tags: string[];
  write: (facts: MemoFacts) => string;
}

/** Figures over the twelve months before the memo date. */
interface MemoFacts {
  companyName: string;
  date: string;
  arr: number;
  nrr: number;
  burnPerMonth: number;
  runway: number;
  grossMargin: number;
  winRate: (segment: Segment | null) => number;
  averageDeal: (segment: Segment) => number;
  cycleDays: (segment: Segment) => number;
  emeaShare: number;
  nextYear: number;
}

function memoFacts(context: DocumentContext, date: string): MemoFacts {
  const day = parseIsoDate(date);
  const yearAgo = toIsoDate(day - 365);
  const start = yearAgo < context.sources.factStart ? context.sources.factStart : yearAgo;
  const closed = context.sources.deals.filter(
    (deal) =>
      deal.type === 'NEW_BUSINESS' &&
      deal.closedAt !== null &&
      deal.closedAt >= start &&
      deal.closedAt <= date,
  );
  const segmentOf = (deal: Deal) => context.account(deal.accountId).segment;
  const won = (deal: Deal) => deal.stage === 'CLOSED_WON';
  const average = (values: number[]) =>
    values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
  const arrOf = (region: string | null) =>
    context.sources.accounts
      .filter((account) => region === null || account.region === region)
      .reduce((sum, account) => sum + context.accountArrOn(account.id, day), 0);
  const lastMonth = previousPeriod(periodContaining(date, 'MONTH'));
  return {
    companyName: context.sources.companyName,
    date,
    arr: context.factOn('arr', date) ?? 0,
    nrr: context.metric('nrr', start, date) ?? 100,
    burnPerMonth: (context.metric('burn', start, date) ?? 0) / 12,
    runway: context.metric('runway', lastMonth.start, lastMonth.end) ?? 0,
    grossMargin: context.metric('gross_margin', start, date) ?? 0,
    winRate: (segment) => {
      const deals = closed.filter((deal) => segment === null || segmentOf(deal) === segment);
      return deals.length === 0 ? 0 : (deals.filter(won).length / deals.length) * 100;
    },
    averageDeal: (segment) =>
      average(closed.filter((deal) => won(deal) && segmentOf(deal) === segment).map((deal) => deal.amount)),
    cycleDays: (segment) =>
      average(
        closed
          .filter((deal) => won(deal) && segmentOf(deal) === segment)
          .map((deal) => daysBetween(deal.createdAt, deal.closedAt ?? deal.closeDate)),
      ),
    emeaShare: (arrOf('EMEA') / Math.max(1, arrOf(null))) * 100,
    nextYear: Number(date.slice(0, 4)) + 1,
  };
}

const percent = (value: number) => `${Math.round(value)}%`;

const MEMOS: readonly Memo[] = [
  {
    title: 'Memo: pricing and packaging for next year',
    authorTitle: 'Head of Product Marketing',
    daysAgo: 200,
    visibility: 'ORG',
    tags: ['strategy', 'pricing', 'marketing'],
    write: (f) =>
      paragraphs(
        `Why change: our new-business win rate over the last twelve months is ${percent(f.winRate(null))}: ${percent(f.winRate('SMB'))} in SMB, ${percent(f.winRate('MID_MARKET'))} in mid-market and ${percent(f.winRate('ENTERPRISE'))} in enterprise. Small customers tell us the entry price is the reason they walk. An average SMB deal is ${formatMoney(f.averageDeal('SMB'))} a year, against ${formatMoney(f.averageDeal('MID_MARKET'))} in mid-market and ${formatMoney(f.averageDeal('ENTERPRISE'))} in enterprise.`,
        'Proposal: a lower entry price for the Growth plan with usage-based pricing above an included volume, and the Forecasting and AI Insights modules sold as add-ons rather than bundled into the Platform tier.',
        'What we expect: more SMB wins at a smaller first contract, made up through expansion within the first year. Existing customers keep their current price until their next renewal.',
        'Risks: discounting pressure moves to add-ons, and billing needs to support usage before launch (see the billing system migration).',
      ),
  },
  {
    title: 'Memo: where our enterprise motion wins',
    authorTitle: 'Chief Revenue Officer',
    daysAgo: 150,
    visibility: 'TEAM',
    tags: ['strategy', 'sales', 'enterprise'],
    write: (f) =>
      paragraphs(
        `Enterprise is where our dollars are: an average enterprise win is ${formatMoney(f.averageDeal('ENTERPRISE'))} a year, after a ${Math.round(f.cycleDays('ENTERPRISE'))}-day cycle on average. Our enterprise win rate over the last twelve months is ${percent(f.winRate('ENTERPRISE'))}, against ${percent(f.winRate('MID_MARKET'))} in mid-market.`,
        'We win when finance is the buyer and forecasting is the use case, when a solutions engineer runs a pilot on the customer’s own data, and when a reference customer in the same industry takes a call.',
        'We lose on procurement-led deals with a bundled incumbent, and in EMEA where data residency is a requirement.',
        'Changes: every enterprise deal above $300k gets a solutions engineer from qualification, a mutual close plan at proposal, and an executive sponsor from our side.',
      ),
  },
  {
    title: 'Memo: the case for investing in EMEA',
    authorTitle: 'Chief Executive Officer',
    daysAgo: 260,
    visibility: 'ORG',
    tags: ['strategy', 'emea', 'expansion'],
    write: (f) =>
      paragraphs(
        `EMEA customers make up ${percent(f.emeaShare)} of ARR today with almost no local presence. Several deals in the region were lost on data residency alone.`,
        'Proposal: run a production region in Frankfurt, hire a small team in London (two account executives, one solutions engineer, one customer success manager) and recruit two regional partners.',
        `Economics: at our current net revenue retention of ${percent(f.nrr)} over twelve months, each new EMEA customer pays back faster than the cost of the team within two years.`,
        'Decision needed: approve the region build-out this quarter so it is live before the next renewal cycle.',
      ),
  },
  {
    title: 'Memo: efficiency plan and the path to breakeven',
    authorTitle: 'Chief Financial Officer',
    daysAgo: 120,
    visibility: 'TEAM',
    tags: ['strategy', 'finance', 'efficiency'],
    write: (f) =>
      paragraphs(
        `Where we are: ARR is ${formatMoney(f.arr)}, net burn averaged ${formatMoney(f.burnPerMonth)} a month over the last year, and runway is about ${Math.round(f.runway)} months at last month’s burn. Gross margin over the last twelve months was ${percent(f.grossMargin)}.`,
        'Plan: keep headcount growth below ARR growth, finish the cloud cost optimisation to lift gross margin by two points, and hold sales and marketing spend flat as a share of revenue.',
        `Goal: cash-flow breakeven during ${f.nextYear + 1} without raising again, keeping runway above 30 months at every point on the way.`,
        'Guardrails: no cuts to customer success or security, and hiring for revenue roles continues as long as pipeline coverage holds.',
      ),
  },
  {
    title: 'Memo: AI Insights product strategy',
    authorTitle: 'Chief Technology Officer',
    daysAgo: 90,
    visibility: 'ORG',
    tags: ['strategy', 'product', 'ai'],
    write: () =>
      paragraphs(
        'Customers do not want another chat box; they want to know why a number moved and what to do about it. AI Insights explains changes in plain English, with the figures and the underlying records cited.',
        'Principles: every answer cites its data; answers respect the same row-level permissions as dashboards; nothing leaves the customer’s region; and customers can bring their own model.',
        'Sequencing: anomaly explanations first (highest value, lowest risk), then natural-language questions over governed metrics, then proactive weekly briefings for executives.',
        'Pricing: an add-on at about 15% of the platform fee, included for the first year for design partners.',
      ),
  },
  {
    title: 'Planning principles for next year',
    authorTitle: 'Chief Executive Officer',
    daysAgo: 35,
    visibility: 'ORG',
    tags: ['strategy', 'planning'],
    write: (f) =>
      paragraphs(
        `We start planning ${f.nextYear} from ARR of ${formatMoney(f.arr)} and net revenue retention of ${percent(f.nrr)} over the last twelve months.`,
        'Principles: grow ARR faster than costs; put new headcount where the plan shows the clearest return (enterprise sales, customer success, platform reliability); and finish what we started before starting something new.',
        'Every team brings three objectives at most, each with measurable key results tied to the company metrics in the KPI dashboard.',
        'Timeline: department drafts in three weeks, a first consolidated plan a week later, and board approval at the next meeting.',
      ),
  },
];

export function strategyDocuments(rng: Rng, context: DocumentContext): DocumentDraft[] {
  return MEMOS.map((memo) => {
    const memoRng = rng.fork(memo.title);
    const day = workday(context.anchorDay - memo.daysAgo - memoRng.int(0, 10), context.anchorDay);
    const date = toIsoDate(day);
    const author = context.byTitle(memo.authorTitle);
    return {
      title: memo.title,
      kind: 'DOCUMENT',
      content: memo.write(memoFacts(context, date)),
      authorId: author.id,
      accountId: null,
      projectId: null,
      dealId: null,
      visibility: memo.visibility,
      createdAt: workdayTimestamp(memoRng, day, context.anchorDay),
      tags: memo.tags,
    };
  });
}
