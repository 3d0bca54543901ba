/** Campaign recaps from Marketing, with the new-business pipeline that followed each campaign. */
import { toIsoDate } from '@sophia/domain';
import { type DocumentContext, type DocumentDraft, paragraphs, workdayTimestamp } from './doc-context.ts';
import { formatDate, formatMoney } from './format.ts';
import type { Rng } from './prng.ts';

/** Pipeline created in this many days after a campaign is credited to it. */
const ATTRIBUTION_DAYS = 30;

const CAMPAIGNS: readonly { name: string; kind: string; daysAgo: number; detail: string }[] = [
  {
    name: 'Forecasting for finance teams',
    kind: 'webinar series',
    daysAgo: 40,
    detail: 'three sessions with a customer CFO as guest speaker',
  },
  {
    name: 'Northwind Summit',
    kind: 'customer conference',
    daysAgo: 190,
    detail: 'two days, about 380 attendees and 22 customer speakers',
  },
  {
    name: 'Modern BI migration guide',
    kind: 'content campaign',
    daysAgo: 120,
    detail: 'a gated guide promoted through paid social and partner newsletters',
  },
  {
    name: 'Mid-market outbound sprint',
    kind: 'outbound campaign',
    daysAgo: 75,
    detail: 'a four-week sequence from the SDR team to 600 target accounts',
  },
  {
    name: 'AI Insights launch',
    kind: 'product launch',
    daysAgo: 20,
    detail: 'a launch event, press briefing and in-app announcement',
  },
];

export function marketingDocuments(rng: Rng, context: DocumentContext): DocumentDraft[] {
  const author = context.byTitle('Director of Demand Generation');
  return CAMPAIGNS.map((campaign) => {
    const campaignRng = rng.fork(campaign.name);
    const day = context.anchorDay - campaign.daysAgo;
    const from = toIsoDate(day);
    const attributedDays = Math.min(ATTRIBUTION_DAYS, context.anchorDay - day);
    const until = toIsoDate(day + attributedDays);
    const created = context.sources.deals.filter(
      (deal) => deal.type === 'NEW_BUSINESS' && deal.createdAt >= from && deal.createdAt <= until,
    );
    const leads = campaignRng.int(180, 900);
    return {
      title: `Campaign recap: ${campaign.name}`,
      kind: 'DOCUMENT',
      content: paragraphs(
        `${campaign.name} was a ${campaign.kind}: ${campaign.detail}. It ran from ${formatDate(from)}.`,
        `Results: ${leads} leads, of which ${Math.round(leads * campaignRng.float(0.08, 0.18))} became marketing-qualified. In the ${attributedDays} days that followed, ${created.length} new-business opportunities worth ${formatMoney(created.reduce((sum, deal) => sum + deal.amount, 0))} were opened.`,
        `What worked: ${campaignRng.pick(['customer speakers, by a distance', 'the finance-specific messaging', 'short follow-up emails from the account executive, not marketing', 'partner co-promotion'])}. What did not: ${campaignRng.pick(['paid search was expensive for the leads it brought', 'attendance dropped in the second half', 'the landing page converted poorly on mobile', 'we followed up too slowly in EMEA'])}.`,
        `Audience: ${campaignRng.pick(['finance and operations leaders at mid-market companies', 'existing customers and late-stage prospects', 'data and analytics teams at enterprise accounts'])}, mostly in ${campaignRng.pick(['North America', 'North America and EMEA'])}. Spend came in ${campaignRng.pick(['on budget', 'about 10% under budget', 'slightly over budget because of venue costs'])}.`,
        'Next time: start promotion two weeks earlier and hand every qualified lead to sales within one working day.',
      ),
      authorId: author.id,
      accountId: null,
      projectId: null,
      dealId: null,
      visibility: 'ORG',
      createdAt: workdayTimestamp(
        campaignRng,
        Math.min(context.anchorDay, day + ATTRIBUTION_DAYS + 3),
        context.anchorDay,
      ),
      tags: ['marketing', 'campaign'],
    };
  });
}
