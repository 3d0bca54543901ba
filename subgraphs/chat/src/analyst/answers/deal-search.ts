/**
 * Deals narrowed the way the question narrows them, as one typed plan: the `DealSearch` tool filters by
 * status, stages, owner, account, close period and minimum amount on the server; region, maximum amount,
 * several owners and risk are applied to its nodes; the result is ranked by amount and cut to what was
 * asked ("the biggest", "top 3").
 */
import type { QuestionFilters } from '../../pipeline/answer-contract.ts';
import { NO_FILTERS } from '../filters.ts';
import { formatEnum, formatMoney } from '../format.ts';
import { callTool, type DealData } from '../tool-data.ts';
import { today, type AnswerContext } from './context.ts';
import { riskOf } from './at-risk-deals.ts';

/** @default 10 rows when the question does not say how many. */
export const DEAL_ROWS = 10;
/** @default 5 pages of 100: more open deals than any question lists. */
const MAX_PAGES = 5;

interface Connection {
  readonly totalCount: number;
  readonly totalAmount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly nodes: readonly (DealData & { account?: { id: string; name: string; region?: string } })[];
}

const RISK =
  /\b(risk|risky|slip|slipping|stall|stalled|stuck|late|overdue|behind|in trouble|won'?t close)\b/i;
const CLOSED = /\b(won|closed|lost)\b/i;

/** The server-side part of the plan: what `DealFilter` can say. */
export function dealFilter(context: AnswerContext): Record<string, unknown> {
  const { understanding, question } = context.request;
  const filters = understanding.filters ?? NO_FILTERS;
  const status = /\blost\b/i.test(question) ? 'LOST' : CLOSED.test(question) ? 'WON' : 'OPEN';
  return {
    status,
    ...(filters.stages.length > 0 ? { stages: filters.stages } : {}),
    ...(understanding.people.length === 1 ? { ownerId: understanding.people[0]!.id } : {}),
    ...(understanding.accounts.length === 1 ? { accountId: understanding.accounts[0]!.id } : {}),
    ...(understanding.periods[0] ? { period: understanding.periods[0] } : {}),
    ...(filters.minAmount !== null ? { minAmount: filters.minAmount } : {}),
  };
}

async function search(context: AnswerContext, filter: Record<string, unknown>): Promise<Connection> {
  let connection: Connection | undefined;
  const nodes: Connection['nodes'][number][] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const args: Record<string, unknown> = after ? { filter, first: 100, after } : { filter, first: 100 };
    connection = await callTool<Connection>(context.request.tools, 'DealSearch', args, 'deals');
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
  }
  return { ...connection!, nodes };
}

/** What the question narrowed the deals to, in words. */
function describe(context: AnswerContext, filter: Record<string, unknown>, filters: QuestionFilters): string {
  const { understanding } = context.request;
  const parts: string[] = [];
  if (filters.regions.length > 0) parts.push(`in ${filters.regions.join(' or ')}`);
  if (understanding.people.length > 0)
    parts.push(`owned by ${understanding.people.map((p) => p.name).join(' or ')}`);
  if (understanding.accounts.length > 0)
    parts.push(`with ${understanding.accounts.map((a) => a.name).join(' or ')}`);
  if (filters.stages.length > 0) parts.push(`in ${filters.stages.map(formatEnum).join(' or ')}`);
  if (filters.minAmount !== null) parts.push(`of ${formatMoney(filters.minAmount, 'USD')} or more`);
  if (filters.maxAmount !== null) parts.push(`under ${formatMoney(filters.maxAmount, 'USD')}`);
  if (filter['period']) parts.push(`closing in ${String(filter['period'])}`);
  return parts.join(', ');
}

export async function answerDealSearch(context: AnswerContext): Promise<void> {
  const { request, writer } = context;
  const filters = request.understanding.filters ?? NO_FILTERS;
  const filter = dealFilter(context);
  const connection = await search(context, filter);
  if (writer.aborted) return;
  const on = today(context);
  const owners = request.understanding.people.map((p) => p.id);
  const risky = RISK.test(request.question) && filter['status'] === 'OPEN';
  const matching = connection.nodes
    .filter((deal) => filters.regions.length === 0 || filters.regions.includes(deal.account?.region ?? ''))
    .filter((deal) => filters.maxAmount === null || deal.amount < filters.maxAmount)
    .filter((deal) => owners.length <= 1 || owners.includes(deal.owner?.id ?? ''))
    .map((deal) => ({ deal, reasons: risky ? riskOf(deal, on) : [] }))
    .filter((entry) => !risky || entry.reasons.length > 0)
    .sort((a, b) => b.deal.amount - a.deal.amount);
  const status = formatEnum(String(filter['status']));
  const scope = describe(context, filter, filters);
  const what = `${status} deals${scope ? ` ${scope}` : ''}${risky ? ' that look at risk' : ''}`;
  if (matching.length === 0) {
    writer.paragraph(`There are no ${what}.`);
    return;
  }
  const currency = matching[0]!.deal.currency ?? 'USD';
  const shown = matching.slice(0, filters.limit ?? DEAL_ROWS);
  // The server's total covers exactly the question's deals only when nothing was filtered here.
  const filteredHere = matching.length !== connection.nodes.length;
  const total = filteredHere
    ? shown.length === matching.length
      ? matching.reduce((sum, entry) => sum + entry.deal.amount, 0)
      : null
    : connection.totalAmount;
  if (filters.limit === 1) {
    const { deal } = shown[0]!;
    writer.paragraph(
      `The largest of the ${matching.length} ${what} is **${deal.name}** (${deal.account?.name ?? '–'}), ` +
        `**${formatMoney(deal.amount, deal.currency ?? currency)}**, ${formatEnum(deal.stage)}, owned by ` +
        `${deal.owner?.name ?? '–'}, closing ${deal.closeDate}.`,
    );
  } else {
    writer.paragraph(
      `**${matching.length}** ${what}` +
        (total !== null ? `, worth **${formatMoney(total, currency)}** in all` : '') +
        (shown.length < matching.length ? `; the ${shown.length} largest:` : ':'),
    );
  }
  writer.table(
    ['Deal', 'Account', 'Region', 'Owner', 'Stage', 'Amount', 'Close date', ...(risky ? ['Why'] : [])],
    shown.map(({ deal, reasons }) => [
      deal.name,
      deal.account?.name ?? '–',
      deal.account?.region ?? '–',
      deal.owner?.name ?? '–',
      formatEnum(deal.stage),
      formatMoney(deal.amount, deal.currency ?? currency),
      deal.closeDate,
      ...(risky ? [reasons.join('; ')] : []),
    ]),
  );
  for (const { deal } of shown) writer.cite('Deal', deal.id);
}
