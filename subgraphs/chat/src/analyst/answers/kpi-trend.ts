/** A metric over time, from `MetricSeries`: a short table and what changed from the first step to the last. */
import type { ResolvedEntity } from '../../pipeline/answer-contract.ts';
import { formatChange, formatValue } from '../format.ts';
import { callTool, type MetricInfo } from '../tool-data.ts';
import { startAll, today, type AnswerContext } from './context.ts';

interface SeriesData extends MetricInfo {
  readonly series: readonly { period: string; start: string; end: string; value: number }[];
}

/** @default 24: more steps than this are summarised by their last 24. */
export const TREND_ROWS = 24;

/** "by quarter", "weekly"… in the question choose the grain. */
function askedGrain(question: string): string | null {
  if (/\b(by|per|each|every) quarter\b|\bquarterly\b|\bquarter by quarter\b/i.test(question))
    return 'QUARTER';
  if (/\b(by|per|each|every) month\b|\bmonthly\b|\bmonth by month\b/i.test(question)) return 'MONTH';
  if (/\b(by|per|each|every) week\b|\bweekly\b|\bweek by week\b/i.test(question)) return 'WEEK';
  return null;
}

/** The range and grain for the periods asked: none is the last twelve months by month. */
export function seriesArgs(
  metricId: string,
  periods: readonly string[],
  since = false,
): Record<string, unknown> {
  const first = periods[0];
  const last = periods.at(-1);
  if (first === undefined || last === undefined) return { id: metricId, grain: 'MONTH' };
  // "since January": from that period to today, by month.
  if (since) return { id: metricId, from: first, grain: 'MONTH' };
  const grain =
    periods.length > 1 && periods.every((period) => /Q/.test(period))
      ? 'QUARTER'
      : /^\d{4}-\d{2}$/.test(first) && periods.length === 1
        ? 'WEEK'
        : 'MONTH';
  return { id: metricId, from: first, to: last, grain };
}

function seriesOf(context: AnswerContext, metric: ResolvedEntity): Promise<SeriesData | null> {
  const { request } = context;
  const grain = askedGrain(request.question);
  const since = /\b(since|from)\b/i.test(request.question) && request.understanding.periods.length === 1;
  const args = {
    ...seriesArgs(metric.id, request.understanding.periods, since),
    ...(grain ? { grain } : {}),
  };
  return callTool<SeriesData | null>(request.tools, 'MetricSeries', args, 'metric');
}

async function trendOf(
  context: AnswerContext,
  metric: ResolvedEntity,
  series: Promise<SeriesData | null>,
): Promise<void> {
  const { writer } = context;
  const data = await series;
  if (writer.aborted) return;
  if (!data || data.series.length === 0) {
    writer.paragraph(`I don't know: there is no data for **${metric.name}** over that time.`);
    return;
  }
  const format = (value: number): string => formatValue(value, data.unit, data.currency);
  // Steps that have not started yet have no data: leave them out rather than show a fall to zero.
  const on = today(context);
  // A step with no data yet (null) is no zero either.
  const points = data.series.filter((point) => point.start <= on && point.value !== null);
  if (points.length === 0) {
    writer.paragraph(`I don't know: there is no data for **${metric.name}** over that time yet.`);
    return;
  }
  const first = points[0]!;
  const last = points.at(-1)!;
  const high = points.reduce((best, point) => (point.value > best.value ? point : best));
  const low = points.reduce((best, point) => (point.value < best.value ? point : best));
  const change = first.value !== 0 ? (last.value - first.value) / Math.abs(first.value) : null;
  const notes = [
    change === null ? null : formatChange(change),
    last.end >= today(context) ? `${last.period} still running` : null,
  ];
  const note = notes.filter((part) => part !== null).join('; ');
  writer.paragraph(
    `**${data.name}** went from **${format(first.value)}** in ${first.period} to **${format(last.value)}** in ` +
      `${last.period}${note ? ` (${note})` : ''}.` +
      ` Highest: ${format(high.value)} in ${high.period}; lowest: ${format(low.value)} in ${low.period}.`,
  );
  const shown = points.slice(-TREND_ROWS);
  writer.table(
    ['Period', data.name, 'Change'],
    shown.map((point, index) => {
      const before = index > 0 ? shown[index - 1] : points[points.length - shown.length - 1];
      const step =
        before && before.value !== 0
          ? formatChange((point.value - before.value) / Math.abs(before.value))
          : '–';
      return [point.end >= on ? `${point.period} (so far)` : point.period, format(point.value), step];
    }),
  );
  writer.cite('Metric', data.id);
}

export async function answerKpiTrend(context: AnswerContext): Promise<void> {
  const { metrics } = context.request.understanding;
  const series = startAll(metrics, (metric) => seriesOf(context, metric));
  for (const [index, metric] of metrics.entries()) {
    if (context.writer.aborted) return;
    await trendOf(context, metric, series[index]!);
  }
}
