/**
 * A metric's value for a period, against the previous period and the target. The figures are the KPI
 * cards' (the dashboard's); a metric without a card is read with `MetricValue` for the period and the one
 * before it.
 */
import type { ResolvedEntity } from '../../pipeline/answer-contract.ts';
import { formatChange, formatEnum, formatValue } from '../format.ts';
import { periodBounds, previousPeriod } from '../periods.ts';
import { callTool, type KpiCardData, type MetricInfo } from '../tool-data.ts';
import { periodsOrCurrent, startAll, today, type AnswerContext } from './context.ts';

/** A KPI card, or the same figures read with `MetricValue` (which has no status). */
type Figure = Omit<KpiCardData, 'status'> & { readonly status: string | null };

interface MetricValueData extends MetricInfo {
  readonly value: number | null;
  readonly target: number | null;
}

async function figureFor(
  context: AnswerContext,
  metric: ResolvedEntity,
  period: string,
  cards: readonly KpiCardData[],
): Promise<Figure | null> {
  const card = cards.find((candidate) => candidate.metric.id === metric.id);
  if (card) return { ...card, status: card.status };
  const { tools } = context.request;
  const before = previousPeriod(period);
  const [current, previous] = await Promise.all([
    callTool<MetricValueData | null>(tools, 'MetricValue', { id: metric.id, period }, 'metric'),
    callTool<MetricValueData | null>(tools, 'MetricValue', { id: metric.id, period: before }, 'metric'),
  ]);
  if (!current) return null;
  const previousValue = previous?.value ?? null;
  const change =
    current.value !== null && previousValue !== null && previousValue !== 0
      ? (current.value - previousValue) / Math.abs(previousValue)
      : null;
  return {
    metric: current,
    period,
    previousPeriod: before,
    value: current.value,
    previousValue,
    change,
    target: current.target,
    status: null,
  };
}

/** "up 17.6% on 2026-Q2 ($6,798,029)". */
function againstPrevious(figure: Figure, running: boolean): string | null {
  if (figure.change === null || figure.previousValue === null) return null;
  const direction = figure.change > 0 ? 'up' : figure.change < 0 ? 'down' : 'flat';
  const amount = figure.change === 0 ? '' : ` ${formatChange(figure.change).slice(1)}`;
  // While a period runs, the API compares a flow with the previous period pro rata of the days elapsed.
  return running
    ? `${direction}${amount} on ${figure.previousPeriod} (${format(figure, figure.previousValue)} for all of ${figure.previousPeriod})`
    : `${direction}${amount} on ${figure.previousPeriod} (${format(figure, figure.previousValue)})`;
}

/** "6.4% above its target of $7,510,000 (on track)". */
function againstTarget(figure: Figure, running: boolean): string | null {
  if (figure.target === null || figure.value === null) return null;
  const status = figure.status && figure.status !== 'NO_TARGET' ? ` (${formatEnum(figure.status)})` : '';
  // A running period's value is partial: comparing it with the whole period's target would mislead.
  if (running)
    return `the target for the whole of ${figure.period} is ${format(figure, figure.target)}${status}`;
  if (figure.target === 0) return `against a target of ${format(figure, 0)}${status}`;
  const gap = (figure.value - figure.target) / Math.abs(figure.target);
  const side = gap >= 0 ? 'above' : 'below';
  return `${formatChange(gap).slice(1)} ${side} its target of ${format(figure, figure.target)}${status}`;
}

function format(figure: Figure, value: number): string {
  return formatValue(value, figure.metric.unit, figure.metric.currency);
}

export async function answerKpiValue(context: AnswerContext): Promise<void> {
  const { request, writer } = context;
  const periods = periodsOrCurrent(context);
  const figures: Figure[] = [];
  let metrics = request.understanding.metrics;
  const cardsOf = startAll(periods, (period) =>
    callTool<KpiCardData[]>(request.tools, 'KpiCards', { period }, 'kpiCards'),
  );
  for (const [index, period] of periods.entries()) {
    const cards = await cardsOf[index]!;
    // No metric named ("how are we doing?"): every headline card.
    if (request.understanding.metrics.length === 0) {
      metrics = cards.map((card) => ({ id: card.metric.id, name: card.metric.name }));
    }
    const found = await Promise.all(metrics.map((metric) => figureFor(context, metric, period, cards)));
    figures.push(...found.filter((figure) => figure !== null));
    if (writer.aborted) return;
  }
  // One metric's periods side by side, in the order the question named the metrics.
  const order = (figure: Figure): number => metrics.findIndex((metric) => metric.id === figure.metric.id);
  figures.sort((a, b) => order(a) - order(b));
  const overview = request.understanding.metrics.length === 0;
  if (overview && figures.length > 0) {
    writer.paragraph(`The headline KPIs for ${periods.join(' and ')}:`);
  }
  if (figures.length === 0) {
    writer.paragraph("I don't know: there is no data for that metric and period.");
    return;
  }

  if (figures.length === 1 && !overview) {
    const [figure] = figures as [Figure];
    if (figure.value === null) {
      const future = periodBounds(figure.period).start > today(context);
      writer.paragraph(
        future
          ? `I don't know: ${figure.period} has not started yet, and Sophia does not forecast **${figure.metric.name}**.`
          : `I don't know: there is no data for **${figure.metric.name}** in ${figure.period}.`,
      );
    } else {
      // A period still running has a value so far, compared pro rata by the API.
      const running = periodBounds(figure.period).end >= today(context);
      const comparisons = [againstPrevious(figure, running), againstTarget(figure, running)].filter(
        (part) => part !== null,
      );
      writer.paragraph(
        `**${figure.metric.name}** for ${figure.period} ${running ? 'stands so far at' : 'came to'} **${format(figure, figure.value)}**` +
          (comparisons.length > 0 ? `, ${comparisons.join(', and ')}.` : '.'),
      );
    }
  } else {
    writer.table(
      ['Metric', 'Period', 'Value', `vs previous`, 'Target', 'Status'],
      figures.map((figure) => [
        figure.metric.name,
        figure.period,
        figure.value === null ? 'no data' : format(figure, figure.value),
        figure.change === null ? '–' : `${formatChange(figure.change)} vs ${figure.previousPeriod}`,
        figure.target === null ? '–' : format(figure, figure.target),
        figure.status ? formatEnum(figure.status) : '–',
      ]),
    );
    const running = [...new Set(figures.map((figure) => figure.period))].filter(
      (period) => periodBounds(period).end >= today(context),
    );
    if (running.length > 0) {
      writer.paragraph(
        `${running.join(' and ')} is still running: values so far (flows compared pro rata of the days ` +
          `elapsed), targets for the whole period.`,
      );
    }
  }
  for (const figure of figures) if (figure.value !== null) writer.cite('Metric', figure.metric.id);
}
