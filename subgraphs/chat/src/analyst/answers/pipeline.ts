/** The pipeline and forecast for a period, from `Pipeline`. */
import { formatEnum, formatMoney, formatShare } from '../format.ts';
import { callTool } from '../tool-data.ts';
import { type AnswerContext } from './context.ts';

interface PipelineData {
  readonly period: string;
  readonly currency: string;
  readonly openCount: number;
  readonly openAmount: number;
  readonly weightedForecast: number;
  readonly wonCount: number;
  readonly wonAmount: number;
  readonly lostCount: number;
  readonly winRate: number | null;
  readonly stages: readonly { stage: string; count: number; amount: number; weightedAmount: number }[];
}

export async function answerPipeline(context: AnswerContext): Promise<void> {
  const { request, writer } = context;
  const period = request.understanding.periods[0];
  const data = await callTool<PipelineData>(
    request.tools,
    'Pipeline',
    period === undefined ? {} : { period },
    'pipeline',
  );
  if (writer.aborted) return;
  const money = (value: number): string => formatMoney(value, data.currency);
  writer.paragraph(
    `For ${data.period}: **${data.openCount}** open deals worth **${money(data.openAmount)}**; ` +
      `**${data.wonCount}** won for ${money(data.wonAmount)} and ${data.lostCount} lost` +
      (data.winRate === null ? '' : ` (win rate ${formatShare(data.winRate)})`) +
      `. The weighted forecast (won plus each open deal × its probability) is **${money(data.weightedForecast)}**.`,
  );
  writer.table(
    ['Stage', 'Deals', 'Amount', 'Weighted'],
    data.stages.map((stage) => [
      formatEnum(stage.stage),
      String(stage.count),
      money(stage.amount),
      money(stage.weightedAmount),
    ]),
  );
}
