import { graphql, getFragmentData, type FragmentType } from '../__generated__/index.ts';
import { formatMoneyCompact, formatShare } from '../ui/format.ts';

export const ForecastSummaryFields = graphql(`
  fragment ForecastSummaryFields on Pipeline {
    period
    currency
    openCount
    openAmount
    weightedForecast
    wonCount
    wonAmount
    lostCount
    winRate
  }
`);

/** The period's forecast in four figures. */
export function ForecastSummary(props: { pipeline: FragmentType<typeof ForecastSummaryFields> }) {
  const p = getFragmentData(ForecastSummaryFields, props.pipeline);
  const money = (value: number) => formatMoneyCompact(value, p.currency);
  const figures = [
    {
      id: 'forecast',
      label: 'Weighted forecast',
      value: money(p.weightedForecast),
      note: 'won + open × probability',
    },
    { id: 'won', label: 'Won', value: money(p.wonAmount), note: `${p.wonCount} deals` },
    { id: 'open', label: 'Open pipeline', value: money(p.openAmount), note: `${p.openCount} deals` },
    {
      id: 'win-rate',
      label: 'Win rate',
      value: p.winRate === null ? '—' : formatShare(p.winRate),
      note: `${p.wonCount} won, ${p.lostCount} lost`,
    },
  ];
  return (
    <dl className="figures" aria-label={`Forecast for ${p.period}`}>
      {figures.map((figure) => (
        <div key={figure.id} className="card figure" data-figure={figure.id}>
          <dt>{figure.label}</dt>
          <dd className="figure-value">{figure.value}</dd>
          <dd className="muted">{figure.note}</dd>
        </div>
      ))}
    </dl>
  );
}
