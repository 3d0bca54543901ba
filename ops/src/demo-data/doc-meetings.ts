/** Recurring meeting notes: weekly pipeline reviews, executive staff meetings and managers' one-on-ones. */
import {
  type DayNumber,
  dayOfWeek,
  parseIsoDate,
  toIsoDate,
  periodContaining,
  previousPeriod,
} from '@sophia/domain';
import {
  type DocumentContext,
  type DocumentDraft,
  firstName,
  listOf,
  paragraphs,
  workday,
  workdayTimestamp,
} from './doc-context.ts';
import { formatDate, formatExactMoney, formatMoney, formatMonth, formatValue } from './format.ts';
import type { Rng } from './prng.ts';
import { compareText } from './order.ts';

const PIPELINE_REVIEWS = 12;
const STAFF_MEETINGS = 10;
const ONE_ON_ONES = 25;

/** The last `count` occurrences of a weekday (0 = Sunday) on or before the anchor, oldest first. */
function lastWeekdays(anchor: DayNumber, weekday: number, count: number): DayNumber[] {
  const latest = anchor - ((dayOfWeek(anchor) - weekday + 7) % 7);
  return Array.from({ length: count }, (_, index) => latest - 7 * (count - 1 - index));
}

function pipelineReview(rng: Rng, context: DocumentContext, day: DayNumber): DocumentDraft {
  const date = toIsoDate(day);
  const quarter = periodContaining(date, 'QUARTER');
  const bookings = context.metric('new_bookings', quarter.start, date) ?? 0;
  const target = context.target('new_bookings', quarter.key);
  const wonLastWeek = context.sources.deals.filter(
    (deal) =>
      deal.stage === 'CLOSED_WON' &&
      deal.closedAt !== null &&
      deal.closedAt <= date &&
      parseIsoDate(deal.closedAt) > day - 7,
  );
  const open = context.openDealsOn(day).sort((a, b) => b.amount - a.amount || compareText(a.id, b.id));
  const closingThisQuarter = open.filter((deal) => deal.closeDate <= quarter.end);
  const coverage = context.metric('pipeline_coverage', quarter.start, date);
  const author = context.byTitle('Head of Revenue Operations');
  const top = open.slice(0, 3).map((deal) => {
    const owner = context.user(deal.ownerId);
    return `${deal.name}: ${formatExactMoney(deal.amount)}, ${context.stageOn(deal, day).toLowerCase()}, owner ${owner.name}, expected ${formatDate(deal.closeDate)}.`;
  });
  return {
    title: `Pipeline review – week of ${formatDate(date)}`,
    kind: 'NOTE',
    content: paragraphs(
      `Bookings for ${quarter.key} so far: ${formatMoney(bookings)}${target ? ` against a target of ${formatMoney(target)} (${Math.round((bookings / target) * 100)}%)` : ''}. Open pipeline stands at ${formatMoney(context.factOn('open_pipeline', date) ?? 0)}${coverage === null ? '' : `, ${coverage.toFixed(1)}x coverage`}, with ${closingThisQuarter.length} deals worth ${formatMoney(closingThisQuarter.reduce((sum, deal) => sum + deal.amount, 0))} expected to close this quarter.`,
      wonLastWeek.length > 0
        ? `Won last week: ${listOf(wonLastWeek.map((deal) => `${deal.name} (${formatExactMoney(deal.amount)})`))}.`
        : 'Nothing closed last week; the focus is on moving proposals to negotiation.',
      `Largest open deals:\n${top.map((line) => `- ${line}`).join('\n')}`,
      `Actions: ${rng.pick(['deal desk to turn around the two pending quotes by Wednesday', 'managers to inspect every deal slipping out of the quarter', 'solutions engineering to staff the three technical validations', 'marketing to run the mid-market webinar follow-up sequence'])}; forecast call moves to Thursday.`,
    ),
    authorId: author.id,
    accountId: null,
    projectId: null,
    dealId: null,
    visibility: 'TEAM',
    createdAt: workdayTimestamp(rng, day, context.anchorDay),
    tags: ['pipeline-review', 'sales', 'forecast', quarter.key.toLowerCase()],
  };
}

function staffMeeting(rng: Rng, context: DocumentContext, day: DayNumber, latest: boolean): DocumentDraft {
  const date = toIsoDate(day);
  const quarter = periodContaining(date, 'QUARTER');
  const lastMonth = previousPeriod(periodContaining(date, 'MONTH'));
  const arr = context.factOn('arr', date) ?? 0;
  const arrAtQuarterStart =
    context.metric('arr', previousPeriod(quarter).start, previousPeriod(quarter).end) ?? arr;
  const burn = context.metric('burn', lastMonth.start, lastMonth.end) ?? 0;
  const runway = context.metric('runway', lastMonth.start, lastMonth.end);
  const hires = context.sources.users.filter(
    (user) => user.startDate <= date && parseIsoDate(user.startDate) > day - 14,
  );
  const slipping = context.sources.projects.filter(
    (project) => project.status === 'AT_RISK' || project.status === 'OFF_TRACK',
  );
  const author = context.byTitle('Chief of Staff');
  return {
    title: `Exec staff meeting – ${formatDate(date)}`,
    kind: 'NOTE',
    content: paragraphs(
      `Numbers: ARR is ${formatMoney(arr)}, up ${formatMoney(arr - arrAtQuarterStart)} this quarter. Net burn in ${formatMonth(lastMonth.start)} was ${formatMoney(burn)}${runway === null ? '' : `, which leaves ${formatValue(runway, 'MONTHS')} of runway`}. Headcount is ${context.factOn('headcount', date) ?? 0}.`,
      hires.length > 0
        ? `New joiners: ${listOf(hires.map((user) => `${user.name} (${user.title})`))}.`
        : 'No new joiners in the last two weeks; three offers are out.',
      latest && slipping.length > 0
        ? `Projects needing attention: ${listOf(slipping.map((project) => `${project.name} (${project.status.toLowerCase().replace('_', ' ')})`))}. Owners to bring recovery plans next week.`
        : `Discussed: ${rng.pick(['the pricing change and how we grandfather existing customers', 'hiring pace against plan', 'the board meeting agenda', 'EMEA expansion and the data residency timeline', 'the AI Insights beta and its pricing'])}.`,
      `Decisions: ${rng.pick(['approve two more solutions engineers for enterprise deals', 'hold discretionary spend flat until the quarter closes', 'move the customer summit budget forward by a quarter', 'run a pricing test on new mid-market deals only'])}.`,
    ),
    authorId: author.id,
    accountId: null,
    projectId: null,
    dealId: null,
    visibility: 'TEAM',
    createdAt: workdayTimestamp(rng, day, context.anchorDay),
    tags: ['staff-meeting', 'executive', quarter.key.toLowerCase()],
  };
}

const ONE_ON_ONE_TOPICS = [
  'Career: wants to lead a project end to end next quarter; agreed to look for the right one together.',
  'Workload is high with two launches at once; we moved one deadline by a week.',
  'Feedback: the last customer presentation landed well; next step is running one without support.',
  'Asked about the promotion process; walked through the ladder and what evidence to collect.',
  'Raised friction with another team over priorities; I will take it to my peer this week.',
  'Wants to mentor a new joiner; paired them with the most recent hire on the team.',
  'Planning time off next month; coverage is agreed.',
];

function oneOnOne(rng: Rng, context: DocumentContext): DocumentDraft {
  const reports = context.sources.users.filter(
    (user) => user.managerId !== null && user.role !== 'EXECUTIVE',
  );
  const report = rng.pick(reports);
  const manager = context.user(report.managerId ?? '');
  // Recent, so the project status quoted is still the current one.
  const day = workday(context.anchorDay - rng.int(1, 30), context.anchorDay);
  const project = context.sources.projects.find((candidate) => candidate.teamId === report.teamId);
  return {
    title: `1:1 ${firstName(manager)} / ${firstName(report)} – ${formatDate(toIsoDate(day))}`,
    kind: 'NOTE',
    content: paragraphs(
      `Weekly one-on-one with ${report.name} (${report.title}, joined ${formatDate(report.startDate)}).`,
      rng.sample(ONE_ON_ONE_TOPICS, 2).join(' '),
      project
        ? `Project check: ${project.name} is ${project.status.toLowerCase().replace('_', ' ')} at ${Math.round(project.progress * 100)}%.`
        : null,
    ),
    authorId: manager.id,
    accountId: null,
    projectId: project?.id ?? null,
    dealId: null,
    visibility: 'PRIVATE',
    createdAt: workdayTimestamp(rng, day, context.anchorDay),
    tags: ['one-on-one', 'people'],
  };
}

export function meetingDocuments(rng: Rng, context: DocumentContext): DocumentDraft[] {
  const mondays = lastWeekdays(context.anchorDay, 1, PIPELINE_REVIEWS);
  const tuesdays = lastWeekdays(context.anchorDay, 2, STAFF_MEETINGS);
  return [
    ...mondays.map((day) => pipelineReview(rng.fork(`pipeline/${day}`), context, day)),
    ...tuesdays.map((day, index) =>
      staffMeeting(rng.fork(`staff/${day}`), context, day, index === tuesdays.length - 1),
    ),
    ...Array.from({ length: ONE_ON_ONES }, (_, index) => oneOnOne(rng.fork(`one-on-one/${index}`), context)),
  ];
}
