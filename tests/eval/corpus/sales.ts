/** Deals with filters and rankings, and accounts, checked against the open deals and accounts the API lists. */
import { all, cites, inOrder, mentions, money, number, omits, type Check, type EvalCase } from '../checks.ts';
import type { DealTruth, Truth } from '../truth.ts';

const byAmount = (a: { amount: number }, b: { amount: number }) => b.amount - a.amount;
const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM'] as const;

/** Names the deal or, when none qualifies, says so. */
function namesLargest(deals: readonly DealTruth[], others: readonly DealTruth[]): Check {
  const [largest] = [...deals].sort(byAmount);
  const excluded = others
    .filter((d) => !deals.includes(d))
    .sort(byAmount)
    .slice(0, 3);
  if (!largest) return ({ text }) => (/\bno\b|\bnone\b/i.test(text) ? null : 'should say there are none');
  return all(mentions(largest.name), omits(...excluded.map((d) => d.name)), cites('Deal', largest.id));
}

export function salesCases(truth: Truth): EvalCase[] {
  const open = truth.openDeals;
  const cases: EvalCase[] = [];
  const add = (question: string, check: Check) => cases.push({ category: 'sales', question, check });

  for (const region of REGIONS) {
    const inRegion = open.filter((d) => d.account.region === region);
    add(`What's the biggest open deal in ${region}?`, namesLargest(inRegion, open));
    const top3 = [...inRegion].sort(byAmount).slice(0, 3);
    add(
      `Top 3 deals in ${region}`,
      all(
        inOrder(...top3.map((d) => d.name)),
        omits(
          ...open
            .filter((d) => !inRegion.includes(d))
            .sort(byAmount)
            .slice(0, 2)
            .map((d) => d.name),
        ),
      ),
    );
  }
  for (const threshold of [500_000, 1_000_000, 250_000]) {
    const over = open.filter((d) => d.amount >= threshold);
    const under = open
      .filter((d) => d.amount < threshold)
      .sort(byAmount)
      .slice(0, 3);
    const label = threshold >= 1_000_000 ? `$${threshold / 1_000_000}M` : `$${threshold / 1000}k`;
    add(
      `Which deals over ${label} are open?`,
      all(mentions(...over.slice(0, 5).map((d) => d.name)), omits(...under.map((d) => d.name))),
    );
    add(
      `Which deals over ${label} are likely to slip?`,
      omits(...open.filter((d) => d.amount < threshold).map((d) => d.name)),
    );
  }
  const owners = [...new Set(open.map((d) => d.owner.name))].slice(0, 6);
  for (const owner of owners) {
    const theirs = open.filter((d) => d.owner.name === owner);
    const total = theirs.reduce((sum, d) => sum + d.amount, 0);
    add(`What's in ${owner}'s pipeline?`, all(namesLargest(theirs, open), money(total, 'their open total')));
  }
  const perAccount = new Map<string, number>();
  for (const deal of open)
    perAccount.set(deal.account.name, (perAccount.get(deal.account.name) ?? 0) + deal.amount);
  const topAccount = [...truth.accounts].sort((a, b) => b.openPipeline - a.openPipeline)[0]!;
  add(
    'Which customer has the most open pipeline?',
    all(mentions(topAccount.name), money(topAccount.openPipeline)),
  );
  add('Which account has the biggest pipeline?', mentions(topAccount.name));
  for (const stage of ['NEGOTIATION', 'PROPOSAL', 'QUALIFICATION']) {
    const inStage = open.filter((d) => d.stage === stage);
    const word = stage.toLowerCase();
    add(`Show me the deals in ${word}`, all(namesLargest(inStage, open)));
  }
  add('How many open deals do we have?', number(open.length, 'open deal count'));
  add(
    'How many deals are in negotiation?',
    number(open.filter((d) => d.stage === 'NEGOTIATION').length, 'count'),
  );
  add(
    "What's our weighted forecast this quarter?",
    money(truth.pipeline.weightedForecast, 'weighted forecast'),
  );
  add('How much open pipeline do we have this quarter?', money(truth.pipeline.openAmount, 'open pipeline'));
  const emeaBig = open.filter((d) => d.account.region === 'EMEA' && d.amount >= 300_000);
  add('Open EMEA deals above $300k', all(namesLargest(emeaBig, open)));
  const [bigOwner] = owners;
  const ownerNeg = open.filter((d) => d.owner.name === bigOwner && d.stage === 'NEGOTIATION');
  add(`Which of ${bigOwner}'s deals are in negotiation?`, namesLargest(ownerNeg, open));
  add(
    'biggest deals in APAC over $100k',
    namesLargest(
      open.filter((d) => d.account.region === 'APAC' && d.amount >= 100_000),
      open,
    ),
  );
  return cases;
}

export function accountCases(truth: Truth): EvalCase[] {
  const cases: EvalCase[] = [];
  const add = (question: string, check: Check) => cases.push({ category: 'accounts', question, check });
  for (const region of REGIONS) {
    const inRegion = truth.accounts.filter((a) => a.region === region);
    add(`How many accounts do we have in ${region}?`, number(inRegion.length, `${region} account count`));
    const top = [...inRegion].sort((a, b) => b.openPipeline - a.openPipeline)[0]!;
    add(`Which ${region} account has the most open pipeline?`, mentions(top.name));
  }
  const withPipeline = [...truth.accounts].sort((a, b) => b.openPipeline - a.openPipeline).slice(0, 6);
  for (const account of withPipeline) {
    add(
      `Tell me about ${account.name}`,
      all(
        mentions(account.owner.name),
        money(account.openPipeline, 'open pipeline'),
        cites('Account', account.id),
      ),
    );
    add(`Who owns the ${account.name} account?`, mentions(account.owner.name));
  }
  for (const account of withPipeline.slice(0, 3))
    add(`What industry is ${account.name} in?`, mentions(account.industry));
  add('How many accounts do we have?', number(truth.accounts.length, 'account count'));
  return cases;
}
