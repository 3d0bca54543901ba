/**
 * Open deals that may not close as planned, from `OpenDeals`. A deal is at risk when its close date has
 * passed while it is still open (slipping), when it closes within `CLOSING_SOON_DAYS` at a probability of
 * `LOW_PROBABILITY` or less, or when it has sat in its stage longer than `STALLED_DAYS`. The rules are
 * written into the answer so an executive can see why each deal is listed.
 */
import { formatEnum, formatMoney, formatShare } from '../format.ts';
import { callTool, type DealData } from '../tool-data.ts';
import { daysBetween, periodsOrCurrent, today, type AnswerContext } from './context.ts';

/** @default 45 days */
export const CLOSING_SOON_DAYS = 45;
/** @default 0.4 */
export const LOW_PROBABILITY = 0.4;
/** @default 30 days */
export const STALLED_DAYS = 30;
/** @default 10 */
export const AT_RISK_ROWS = 10;

export interface RiskyDeal {
  readonly deal: DealData;
  readonly reasons: readonly string[];
}

export function riskOf(deal: DealData, on: string): string[] {
  const reasons: string[] = [];
  const untilClose = daysBetween(on, deal.closeDate);
  if (untilClose < 0) reasons.push(`close date passed ${-untilClose} days ago`);
  else if (untilClose <= CLOSING_SOON_DAYS && (deal.probability ?? 1) <= LOW_PROBABILITY) {
    reasons.push(`closes in ${untilClose} days at ${formatShare(deal.probability ?? 0)}`);
  }
  const entered = deal.stageHistory?.at(-1)?.enteredAt;
  if (entered !== undefined) {
    const inStage = daysBetween(entered, on);
    if (inStage > STALLED_DAYS) reasons.push(`${inStage} days in ${formatEnum(deal.stage)}`);
  }
  return reasons;
}

export async function answerAtRiskDeals(context: AnswerContext): Promise<void> {
  const { request, writer } = context;
  const [period] = periodsOrCurrent(context) as [string];
  const connection = await callTool<{ nodes: DealData[]; totalCount: number }>(
    request.tools,
    'OpenDeals',
    { period },
    'deals',
  );
  if (writer.aborted) return;
  const on = today(context);
  // "Which of Malik Ito's deals are at risk?": only the named owners' or accounts' deals.
  const { people, accounts } = request.understanding;
  const scoped = connection.nodes.filter(
    (deal) =>
      (people.length === 0 || people.some((person) => person.id === deal.owner?.id)) &&
      (accounts.length === 0 || accounts.some((account) => account.id === deal.account?.id)),
  );
  const scope = [...people, ...accounts].map((entity) => entity.name).join(', ');
  const risky: RiskyDeal[] = scoped
    .map((deal) => ({ deal, reasons: riskOf(deal, on) }))
    .filter((entry) => entry.reasons.length > 0)
    .sort((a, b) => b.deal.amount - a.deal.amount);
  const rules =
    `(open${scope ? `, of ${scope}` : ''}, closing in ${period}: close date passed, or closing within ${CLOSING_SOON_DAYS} days at ` +
    `${formatShare(LOW_PROBABILITY)} or less, or more than ${STALLED_DAYS} days in the same stage)`;
  if (risky.length === 0) {
    writer.paragraph(`None of the ${scoped.length} open deals closing in ${period} look at risk ${rules}.`);
    return;
  }
  const currency = risky[0]?.deal.currency ?? 'USD';
  const total = risky.reduce((sum, entry) => sum + entry.deal.amount, 0);
  writer.paragraph(
    `**${risky.length}** of ${scoped.length} open deals closing in ${period} are at risk, worth ` +
      `**${formatMoney(total, currency)}** ${rules}.`,
  );
  const shown = risky.slice(0, AT_RISK_ROWS);
  writer.table(
    ['Deal', 'Owner', 'Amount', 'Stage', 'Close date', 'Why'],
    shown.map(({ deal, reasons }) => [
      deal.name,
      deal.owner?.name ?? '–',
      formatMoney(deal.amount, deal.currency ?? currency),
      formatEnum(deal.stage),
      deal.closeDate,
      reasons.join('; '),
    ]),
  );
  if (risky.length > shown.length) writer.paragraph(`…and ${risky.length - shown.length} smaller ones.`);
  for (const { deal } of shown) writer.cite('Deal', deal.id);
}
