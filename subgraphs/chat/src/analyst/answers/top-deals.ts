/** The largest deals closing in a period, exactly as `TopDeals` ranks them. */
import { formatEnum, formatMoney } from '../format.ts';
import { callTool, type DealData } from '../tool-data.ts';
import { type AnswerContext } from './context.ts';

/** @default 10, the tool's own default. */
export const DEFAULT_TOP_DEALS = 10;
/** @default 50 */
export const MAX_TOP_DEALS = 50;

/** "top 5 deals", "5 biggest deals" → 5; otherwise the default. */
export function requestedLimit(question: string): number {
  const match = /\btop\s+(\d{1,3})\b|\b(\d{1,3})\s+(?:biggest|largest|top|key|main|best)\b/i.exec(question);
  const asked = Number(match?.[1] ?? match?.[2] ?? DEFAULT_TOP_DEALS);
  return Math.min(MAX_TOP_DEALS, Math.max(1, asked));
}

export async function answerTopDeals(context: AnswerContext): Promise<void> {
  const { request, writer } = context;
  const period = request.understanding.periods[0];
  const limit = requestedLimit(request.question);
  const args = period === undefined ? { limit } : { period, limit };
  const deals = await callTool<DealData[]>(request.tools, 'TopDeals', args, 'topDeals');
  if (writer.aborted) return;
  const when = period ?? 'this quarter';
  if (deals.length === 0) {
    writer.paragraph(`No deals close in ${when}.`);
    return;
  }
  const currency = deals[0]?.currency ?? 'USD';
  const total = deals.reduce((sum, deal) => sum + deal.amount, 0);
  const won = deals.filter((deal) => deal.status === 'WON');
  const open = deals.filter((deal) => deal.status === 'OPEN');
  writer.paragraph(
    `The ${deals.length} largest deals closing in ${when} add up to **${formatMoney(total, currency)}**: ` +
      `${won.length} won (${formatMoney(
        won.reduce((s, d) => s + d.amount, 0),
        currency,
      )}), ` +
      `${open.length} still open (${formatMoney(
        open.reduce((s, d) => s + d.amount, 0),
        currency,
      )}).`,
  );
  writer.table(
    ['#', 'Deal', 'Account', 'Owner', 'Amount', 'Stage', 'Close date'],
    deals.map((deal, index) => [
      String(index + 1),
      deal.name,
      deal.account?.name ?? '–',
      deal.owner?.name ?? '–',
      formatMoney(deal.amount, deal.currency ?? currency),
      formatEnum(deal.stage),
      deal.closeDate,
    ]),
  );
  for (const deal of deals) writer.cite('Deal', deal.id);
}
