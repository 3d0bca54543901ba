import type { DealStage, Pipeline } from './__generated__/resolvers-types.ts';
import type { StageTotalsRow } from './store/rows.ts';

/** The stages in sales-process order, closed ones last. */
export const SALES_PROCESS: readonly DealStage[] = [
  'PROSPECTING',
  'QUALIFICATION',
  'PROPOSAL',
  'NEGOTIATION',
  'CLOSED_WON',
  'CLOSED_LOST',
];

const sum = (rows: readonly StageTotalsRow[], field: 'count' | 'amount' | 'weightedAmount'): number =>
  rows.reduce((total, row) => total + row[field], 0);

/**
 * The pipeline of one period from its per-stage totals: every stage listed (zeros included), the forecast as
 * won so far plus each open deal's weighted amount, and the win rate among deals already closed.
 */
export function buildPipeline(period: string, currency: string, totals: readonly StageTotalsRow[]): Pipeline {
  const open = totals.filter((row) => row.status === 'OPEN');
  const won = totals.filter((row) => row.status === 'WON');
  const lost = totals.filter((row) => row.status === 'LOST');
  const wonCount = sum(won, 'count');
  const lostCount = sum(lost, 'count');
  const wonAmount = sum(won, 'amount');
  return {
    period,
    currency,
    stages: SALES_PROCESS.map((stage) => {
      const rows = totals.filter((row) => row.stage === stage);
      return {
        stage,
        count: sum(rows, 'count'),
        amount: sum(rows, 'amount'),
        weightedAmount: sum(rows, 'weightedAmount'),
      };
    }),
    openCount: sum(open, 'count'),
    openAmount: sum(open, 'amount'),
    weightedForecast: wonAmount + sum(open, 'weightedAmount'),
    wonCount,
    wonAmount,
    lostCount,
    winRate: wonCount + lostCount === 0 ? null : wonCount / (wonCount + lostCount),
  };
}
