/** Notes the account teams write: calls about open deals, first calls with prospects, customer check-ins. */
import { parseIsoDate, toIsoDate, type OpenStage, type Account, type Deal } from '@sophia/domain';
import {
  type Contact,
  type DocumentContext,
  type DocumentDraft,
  firstName,
  paragraphs,
  tag,
  timestampOn,
  workday,
  workdayTimestamp,
} from './doc-context.ts';
import { COMPETITORS, CUSTOMER_INTERESTS, fillTemplate } from './doc-phrases.ts';
import { formatDate, formatExactMoney, formatMoney, formatMonth } from './format.ts';
import type { Rng } from './prng.ts';

const STAGE_NOTES: Record<OpenStage, readonly string[]> = {
  PROSPECTING: [
    'It is early: they agreed to a discovery session with their analytics lead next week.',
    'They took the meeting after our webinar and want a rough price before going further.',
  ],
  QUALIFICATION: [
    'Budget is set aside for this fiscal year and {contact} confirmed they can sign off at this amount.',
    'We still need to confirm who signs; {contact} expects it to go to their CFO.',
  ],
  PROPOSAL: [
    'The proposal went out last week; they are comparing it with {competitor}.',
    'They asked for a three-year option with a price lock, which deal desk is pricing now.',
  ],
  NEGOTIATION: [
    'Legal is working through our MSA redlines; the open point is the liability cap.',
    'Procurement asked for 12% off; we offered 8% in exchange for a two-year term.',
  ],
};

const NEXT_STEPS: Record<OpenStage, readonly string[]> = {
  PROSPECTING: [
    'Book the discovery session and send the security overview.',
    'Send two customer stories from their industry.',
  ],
  QUALIFICATION: [
    'Run a technical validation with their data team.',
    'Get a meeting with the economic buyer before the proposal.',
  ],
  PROPOSAL: [
    'Walk their CFO through the business case.',
    'Answer the security questionnaire and share the SOC 2 report.',
  ],
  NEGOTIATION: [
    'Agree the final redlines and send for signature.',
    'Confirm the start date and the onboarding plan.',
  ],
};

const USAGE = [
  '{users} people logged in last month across {teams} teams; finance and sales operations are the heaviest users.',
  'Usage is steady at about {users} weekly active users, with {dashboards} dashboards in regular use.',
  'They have {dashboards} dashboards live, and the executive pack is opened every Monday morning.',
];

const HEALTH: readonly { label: string; sentence: string }[] = [
  { label: 'green', sentence: 'Health is green: adoption is growing and the sponsor is engaged.' },
  {
    label: 'green',
    sentence: 'Health is green; they are asking about the roadmap rather than about problems.',
  },
  {
    label: 'yellow',
    sentence: 'Health is yellow: our sponsor moved roles and we need a new executive contact.',
  },
  {
    label: 'yellow',
    sentence: 'Health is yellow because of two slow dashboards; engineering has the tickets.',
  },
  { label: 'red', sentence: 'Health is red: they are reviewing every vendor after a budget cut.' },
];

function dealLabel(deal: Deal): string {
  return deal.name.split(' – ').slice(1).join(' – ') || deal.name;
}

export function dealCallNote(
  rng: Rng,
  context: DocumentContext,
  account: Account,
  deal: Deal,
  contacts: Contact[],
): DocumentDraft {
  const contact = contacts[0] as Contact;
  const colleague = contacts[1] as Contact;
  const owner = context.user(deal.ownerId);
  const lastChange = deal.stageHistory.at(-1)?.enteredAt ?? deal.createdAt;
  // After the deal reached its current stage, so the note describes the deal as it is.
  const day = Math.max(
    parseIsoDate(lastChange),
    workday(rng.int(parseIsoDate(lastChange), context.anchorDay), context.anchorDay),
  );
  const stage = deal.stage as OpenStage;
  const values = { contact: firstName(contact), competitor: rng.pick(COMPETITORS) };
  const about =
    deal.type === 'RENEWAL'
      ? `the renewal of their ${formatExactMoney(deal.amount)} contract`
      : deal.type === 'EXPANSION'
        ? `adding ${dealLabel(deal)} (${formatExactMoney(deal.amount)} a year)`
        : `${dealLabel(deal)} (${formatExactMoney(deal.amount)} ARR)`;
  return {
    title: `${account.name}: call about ${dealLabel(deal)}`,
    kind: 'NOTE',
    content: paragraphs(
      `Call with ${contact.name} (${contact.title}) and ${colleague.name} (${colleague.title}) at ${account.name} about ${about}. Deal: ${deal.name}, now in ${stage.toLowerCase()}, expected to close on ${formatDate(deal.closeDate)}.`,
      `${fillTemplate(rng.pick(STAGE_NOTES[stage]), values)} ${deal.type === 'NEW_BUSINESS' ? rng.pick(CUSTOMER_INTERESTS) : ''}`.trim(),
      `Next steps: ${rng.pick(NEXT_STEPS[stage])} Owner: ${owner.name}.`,
    ),
    authorId: deal.ownerId,
    accountId: account.id,
    projectId: null,
    dealId: deal.id,
    visibility: 'ORG',
    createdAt: timestampOn(rng, day),
    tags: ['account-note', 'deal', tag(deal.type), tag(account.segment), tag(account.industry)],
  };
}

/** The first call with a prospect, a few days after the deal was opened. */
export function discoveryNote(
  rng: Rng,
  context: DocumentContext,
  account: Account,
  deal: Deal,
  contacts: Contact[],
): DocumentDraft {
  const contact = contacts[0] as Contact;
  const created = parseIsoDate(deal.createdAt);
  const nextStage = deal.stageHistory[1]?.enteredAt;
  const latest = Math.min(context.anchorDay, nextStage ? parseIsoDate(nextStage) - 1 : context.anchorDay);
  const day = Math.max(created, Math.min(latest, created + rng.int(1, 7)));
  const [low, high] = [Math.round(deal.amount * 0.8), Math.round(deal.amount * 1.2)].map(formatMoney) as [
    string,
    string,
  ];
  return {
    title: `${account.name}: discovery call`,
    kind: 'NOTE',
    content: paragraphs(
      `First call with ${contact.name} (${contact.title}) at ${account.name}, a ${account.industry.toLowerCase()} company in ${account.region} with about ${account.employees.toLocaleString('en-US')} employees.`,
      `${rng.pick(CUSTOMER_INTERESTS)} Today they use ${rng.pick(COMPETITORS)} and spreadsheets. Rough budget discussed: ${low} to ${high} a year.`,
      `Opened ${deal.name} at ${formatExactMoney(deal.amount)}, target close ${formatDate(deal.closeDate)}. Next step: a qualification call with their data team.`,
    ),
    authorId: deal.ownerId,
    accountId: account.id,
    projectId: null,
    dealId: deal.id,
    visibility: 'ORG',
    createdAt: timestampOn(rng, day),
    tags: ['account-note', 'discovery', tag(account.segment), tag(account.industry)],
  };
}

export function checkInNote(
  rng: Rng,
  context: DocumentContext,
  account: Account,
  contacts: Contact[],
  daysAgo: { min: number; max: number },
): DocumentDraft {
  const since = parseIsoDate(account.customerSince ?? context.sources.anchor);
  const day = workday(
    Math.max(since + 14, context.anchorDay - rng.int(daysAgo.min, daysAgo.max)),
    context.anchorDay,
  );
  const arr = context.accountArrOn(account.id, day);
  const contact = contacts[rng.int(0, contacts.length - 1)] as Contact;
  const health = rng.pick(HEALTH);
  const renewal = context.nextRenewal(account, day);
  const usage = fillTemplate(rng.pick(USAGE), {
    users: String(Math.round(Math.min(account.employees * 0.2, 40 + arr / 2_500))),
    teams: String(rng.int(3, 12)),
    dashboards: String(rng.int(25, 180)),
  });
  const author = context.user(account.ownerId);
  return {
    title: `${account.name} check-in, ${formatMonth(toIsoDate(day))}`,
    kind: 'NOTE',
    content: paragraphs(
      `Check-in with ${contact.name} (${contact.title}). ${account.name} has been a customer since ${formatDate(account.customerSince ?? toIsoDate(day))} and is at ${formatExactMoney(arr)} ARR.`,
      `${usage} ${health.sentence}`,
      renewal
        ? `Renewal is due on ${formatDate(renewal)}.${health.label === 'red' ? ' Flagged to the VP Customer Success as a churn risk.' : ''}`
        : null,
    ),
    authorId: author.id,
    accountId: account.id,
    projectId: null,
    dealId: null,
    visibility: 'ORG',
    createdAt: workdayTimestamp(rng, day, context.anchorDay),
    tags: ['account-note', 'check-in', `health-${health.label}`, tag(account.segment)],
  };
}
