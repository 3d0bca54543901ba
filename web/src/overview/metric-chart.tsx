import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { graphql } from '../__generated__/index.ts';
import { formatMetricValue } from '../ui/format.ts';
import { prefersReducedMotion } from '../ui/chart-motion.ts';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';

export const MetricSeriesQuery = graphql(`
  query MetricSeries($id: ID!, $from: String) {
    metric(id: $id) {
      id
      name
      unit
      currency
      series(from: $from, grain: MONTH) {
        period
        value
      }
    }
  }
`);

/** A metric month by month (the last twelve months, or from `from`), as a line chart. */
export function MetricChart({ metricId, from }: { metricId: string; from?: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MetricSeriesQuery,
    variables: { id: metricId, from: from ?? null },
  });
  if (fetching && !data) return <Loading label="Loading the chart" rows={1} />;
  if (error) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const metric = data?.metric;
  if (!metric) return <Empty title="This metric does not exist." />;
  const points = metric.series.filter((point) => point.value !== null);
  if (points.length === 0) return <Empty title={`No ${metric.name} data yet.`} />;
  const format = (value: number) => formatMetricValue(value, metric.unit, metric.currency);
  return (
    <figure className="chart" aria-label={`${metric.name} by month`}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="var(--line)" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={format} width={80} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => format(Number(value))} />
          <Line
            isAnimationActive={!prefersReducedMotion()}
            type="monotone"
            dataKey="value"
            name={metric.name}
            stroke="var(--accent)"
            strokeWidth={2}
            dot={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        {points.map((point) => `${point.period}: ${format(point.value ?? 0)}`).join('; ')}
      </figcaption>
    </figure>
  );
}
