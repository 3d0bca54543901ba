/** Quarterly business reviews with the largest customers, as Customer Success writes them up. */
import { parseIsoDate, periodContaining, previousPeriod, type Account } from '@sophia/domain';
import {
  type Contact,
  type DocumentContext,
  type DocumentDraft,
  firstName,
  paragraphs,
  tag,
  workday,
  workdayTimestamp,
} from './doc-context.ts';
import { CUSTOMER_INTERESTS } from './doc-phrases.ts';
import { formatDate, formatExactMoney } from './format.ts';
import type { Rng } from './prng.ts';

export function quarterlyBusinessReview(
  rng: Rng,
  context: DocumentContext,
  account: Account,
  contacts: Contact[],
): DocumentDraft | null {
  // The latest quarter that ended long enough ago for its review to have happened.
  let quarter = previousPeriod(periodContaining(context.sources.anchor, 'QUARTER'));
  if (parseIsoDate(quarter.end) + 10 > context.anchorDay) quarter = previousPeriod(quarter);
  const quarterEnd = parseIsoDate(quarter.end);
  if (account.customerSince === null || account.customerSince > quarter.end) return null;
  const day = workday(quarterEnd + rng.int(8, 30), context.anchorDay);
  const arr = context.accountArrOn(account.id, quarterEnd);
  const renewal = context.nextRenewal(account, quarterEnd);
  const openDeals = context.openDealsOn(day).filter((deal) => deal.accountId === account.id);
  const csm = rng.pick(context.teamMembers('team_customer_success'));
  const [sponsor, analyst] = contacts as [Contact, Contact];
  const adoption = rng.int(55, 95);
  const hoursSaved = rng.int(12, 90);
  return {
    title: `${account.name} QBR – ${quarter.key}`,
    kind: 'DOCUMENT',
    content: paragraphs(
      `Quarterly business review with ${account.name} for ${quarter.key}. Attendees: ${sponsor.name} (${sponsor.title}), ${analyst.name} (${analyst.title}), ${csm.name} (${csm.title}) and ${context.user(account.ownerId).name} (${context.user(account.ownerId).title}).`,
      `Summary: ${account.name} (${account.industry}, ${account.employees.toLocaleString('en-US')} employees, ${account.region}) ended the quarter at ${formatExactMoney(arr)} ARR. ${adoption}% of licensed users were active in the last month of the quarter, and their analysts estimate the automated reporting saves about ${hoursSaved} hours a week.`,
      `Value delivered: the executive dashboard pack replaced their monthly reporting deck, and the finance team now closes its management reporting two days faster. ${rng.pick(CUSTOMER_INTERESTS)}`,
      `Commercials: ${renewal ? `the contract renews on ${formatDate(renewal)}.` : 'no renewal is scheduled.'} ${
        openDeals.length > 0
          ? `Open opportunities: ${openDeals.map((deal) => `${deal.name} (${formatExactMoney(deal.amount)}, ${context.stageOn(deal, day).toLowerCase()})`).join('; ')}.`
          : 'There is no open opportunity; we agreed to revisit expansion once the next business unit is onboarded.'
      }`,
      `Risks: ${rng.pick([
        'their data team is stretched, which slows new dashboards.',
        'a new CFO starts next quarter and will review all tooling.',
        'some regional teams still export to spreadsheets.',
        'none significant this quarter.',
      ])}`,
      `Actions: ${csm.name.split(' ')[0]} to share the adoption report by team; ${firstName(sponsor)} to nominate a sponsor for the next rollout; we run a forecasting workshop before the end of next month.`,
    ),
    authorId: csm.id,
    accountId: account.id,
    projectId: null,
    dealId: null,
    visibility: 'ORG',
    createdAt: workdayTimestamp(rng, day, context.anchorDay),
    tags: ['qbr', 'customer-success', tag(account.segment), tag(account.industry), quarter.key.toLowerCase()],
  };
}
