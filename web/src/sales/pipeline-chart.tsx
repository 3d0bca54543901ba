import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql, getFragmentData, type FragmentType } from '../__generated__/index.ts';
import { formatMoneyCompact, humanize } from '../ui/format.ts';
import { prefersReducedMotion } from '../ui/chart-motion.ts';

export const PipelineChartFields = graphql(`
  fragment PipelineChartFields on Pipeline {
    currency
    stages {
      stage
      count
      amount
      weightedAmount
    }
  }
`);

const STAGE_COLOURS: Readonly<Record<string, string>> = {
  CLOSED_WON: 'var(--good)',
  CLOSED_LOST: 'var(--bad)',
};

/** Amount by stage in sales-process order, as bars; the numbers are also in a table for screen readers. */
export function PipelineChart(props: { pipeline: FragmentType<typeof PipelineChartFields> }) {
  const pipeline = getFragmentData(PipelineChartFields, props.pipeline);
  const money = (value: number) => formatMoneyCompact(value, pipeline.currency);
  const rows = pipeline.stages.map((stage) => ({ ...stage, label: humanize(stage.stage) }));
  return (
    <figure className="chart" aria-label="Pipeline by stage">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="var(--line)" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tickFormatter={money} width={72} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => money(Number(value))} />
          <Bar
            dataKey="amount"
            name="Amount"
            radius={[4, 4, 0, 0]}
            isAnimationActive={!prefersReducedMotion()}
          >
            {rows.map((row) => (
              <Cell key={row.stage} fill={STAGE_COLOURS[row.stage] ?? 'var(--accent)'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <table className="table compact">
        <caption className="visually-hidden">Pipeline by stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Deals</th>
            <th scope="col">Amount</th>
            <th scope="col">Weighted</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.stage} data-stage={row.stage}>
              <th scope="row">{row.label}</th>
              <td>{row.count}</td>
              <td>{money(row.amount)}</td>
              <td>{money(row.weightedAmount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
