import { graphql, getFragmentData, type FragmentType } from '../__generated__/index.ts';
import { formatChange, formatMetricValue } from '../ui/format.ts';
import { StatusBadge, toneOf } from '../ui/status-badge.tsx';
import { Sparkline } from './sparkline.tsx';

export const KpiCardFields = graphql(`
  fragment KpiCardFields on KpiCard {
    period
    previousPeriod
    value
    previousValue
    change
    target
    status
    sparkline
    partial
    metric {
      id
      name
      unit
      currency
      higherIsBetter
    }
  }
`);

/** One headline number: value, change against the previous period, target, status and a sparkline. */
export function KpiCard(props: {
  card: FragmentType<typeof KpiCardFields>;
  onChart?: (metricId: string) => void;
}) {
  const card = getFragmentData(KpiCardFields, props.card);
  const { metric } = card;
  const format = (value: number) => formatMetricValue(value, metric.unit, metric.currency);
  // A rise is good news only for metrics where more is better (not for burn or churn).
  const trend =
    card.change === null || card.change === 0
      ? 'flat'
      : card.change > 0 === metric.higherIsBetter
        ? 'good'
        : 'bad';
  const titleId = `kpi-${metric.id}`;
  return (
    <article className="card kpi-card" aria-labelledby={titleId} data-metric={metric.id}>
      <header className="kpi-head">
        <h3 id={titleId} className="kpi-name">
          {metric.name}
        </h3>
        <StatusBadge status={card.status} />
      </header>
      <p className="kpi-value" data-testid="kpi-value">
        {card.value === null ? '—' : format(card.value)}
      </p>
      <p className={`kpi-change trend-${trend}`} data-testid="kpi-change">
        {card.change === null ? 'No comparison' : formatChange(card.change)}
        <span className="muted"> vs {card.previousPeriod}</span>
      </p>
      <p className="kpi-target muted" data-testid="kpi-target">
        {card.target === null ? 'No target' : `Target ${format(card.target)}`}
        {card.partial ? ' · period so far' : ''}
      </p>
      <Sparkline values={card.sparkline} tone={toneOf(card.status)} label={`${metric.name}, last periods`} />
      {props.onChart ? (
        <button type="button" className="link-button" onClick={() => props.onChart?.(metric.id)}>
          Chart {metric.name}
        </button>
      ) : null}
    </article>
  );
}
