/** Everything written about the accounts that matter most: the largest customers and the busiest prospects. */
import { checkInNote, dealCallNote, discoveryNote } from './doc-account-notes.ts';
import type { DocumentContext, DocumentDraft } from './doc-context.ts';
import { quarterlyBusinessReview } from './doc-qbrs.ts';
import { compareText } from './order.ts';
import type { Rng } from './prng.ts';
import type { Account } from '@sophia/domain';

const LARGEST_CUSTOMERS = 30;
const BUSIEST_PROSPECTS = 15;
/** The largest customers also get a quarterly review and an earlier check-in. */
const QBR_CUSTOMERS = 25;
/** Days before the anchor of the latest and of an earlier check-in with a customer. */
const RECENT_CHECK_IN = { min: 5, max: 90 };
const EARLIER_CHECK_IN = { min: 150, max: 300 };

/** The accounts people write about most: the largest customers and prospects with big open deals. */
function notableAccounts(context: DocumentContext): Account[] {
  const customers = context.sources.accounts
    .filter((account) => account.status === 'CUSTOMER')
    .sort((a, b) => b.arr - a.arr || compareText(a.id, b.id))
    .slice(0, LARGEST_CUSTOMERS);
  const prospects = context.sources.accounts
    .filter((account) => account.status === 'PROSPECT')
    .map((account) => ({
      account,
      pipeline: context.sources.deals
        .filter((deal) => deal.accountId === account.id && deal.closedAt === null)
        .reduce((sum, deal) => sum + deal.amount, 0),
    }))
    .filter((entry) => entry.pipeline > 0)
    .sort((a, b) => b.pipeline - a.pipeline || compareText(a.account.id, b.account.id))
    .slice(0, BUSIEST_PROSPECTS)
    .map((entry) => entry.account);
  return [...customers, ...prospects];
}

export function accountDocuments(rng: Rng, context: DocumentContext): DocumentDraft[] {
  const drafts: DocumentDraft[] = [];
  notableAccounts(context).forEach((account, rank) => {
    const accountRng = rng.fork(account.id);
    const contacts = context.contacts(rng, account);
    const openDeals = context.sources.deals
      .filter((deal) => deal.accountId === account.id && deal.closedAt === null)
      .sort((a, b) => b.amount - a.amount || compareText(a.id, b.id));
    for (const deal of openDeals.slice(0, 2))
      drafts.push(dealCallNote(accountRng, context, account, deal, contacts));
    const firstCall = openDeals.find((deal) => deal.type === 'NEW_BUSINESS');
    if (firstCall) drafts.push(discoveryNote(accountRng, context, account, firstCall, contacts));
    if (account.status === 'CUSTOMER') {
      drafts.push(checkInNote(accountRng, context, account, contacts, RECENT_CHECK_IN));
      if (rank < QBR_CUSTOMERS) {
        drafts.push(checkInNote(accountRng, context, account, contacts, EARLIER_CHECK_IN));
        const review = quarterlyBusinessReview(accountRng, context, account, contacts);
        if (review) drafts.push(review);
      }
    }
  });
  return drafts;
}
