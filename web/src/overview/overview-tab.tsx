import { lazy, Suspense, useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../__generated__/index.ts';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { KpiCard } from './kpi-card.tsx';
import { PeriodSelect } from './period-select.tsx';

// The chart library loads after the cards: the numbers come first.
const MetricChart = lazy(() => import('./metric-chart.tsx').then((m) => ({ default: m.MetricChart })));

export const OverviewQuery = graphql(`
  query Overview($period: String) {
    kpiCards(period: $period) {
      period
      metric {
        id
        name
      }
      ...KpiCardFields
    }
  }
`);

/** KPI cards for a period and a chart of one metric over time. */
export function OverviewTab() {
  // Undefined: the current quarter, which the graph names in its answer.
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [current, setCurrent] = useState<string | undefined>(undefined);
  const [chosenMetric, setChosenMetric] = useState<string | undefined>(undefined);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OverviewQuery,
    variables: { period: period ?? null },
  });
  const cards = data?.kpiCards ?? [];
  const shownPeriod = cards[0]?.period;
  useEffect(() => {
    if (period === undefined && shownPeriod) setCurrent(shownPeriod);
  }, [period, shownPeriod]);
  const metricId = chosenMetric ?? cards[0]?.metric.id;

  return (
    <section className="tab-section" aria-labelledby="overview-title">
      <header className="section-head">
        <h2 id="overview-title">Executive overview</h2>
        {current ? (
          <PeriodSelect
            id="overview-period"
            current={current}
            value={period ?? current}
            onChange={setPeriod}
          />
        ) : null}
      </header>
      {fetching && !data ? (
        <Loading label="Loading KPIs" rows={4} />
      ) : error ? (
        <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : cards.length === 0 ? (
        <Empty title="No KPIs for this period." hint="Pick another period." />
      ) : (
        <>
          <div className="kpi-grid" aria-busy={fetching}>
            {cards.map((card) => (
              <KpiCard key={card.metric.id} card={card} onChart={setChosenMetric} />
            ))}
          </div>
          <section className="card chart-card" aria-labelledby="chart-title">
            <header className="section-head">
              <h3 id="chart-title">Over time</h3>
              <label className="field-inline" htmlFor="chart-metric">
                Metric
                <select
                  id="chart-metric"
                  value={metricId}
                  onChange={(event) => setChosenMetric(event.target.value)}
                >
                  {cards.map((card) => (
                    <option key={card.metric.id} value={card.metric.id}>
                      {card.metric.name}
                    </option>
                  ))}
                </select>
              </label>
            </header>
            <Suspense fallback={<Loading label="Loading the chart" rows={1} />}>
              {metricId ? <MetricChart metricId={metricId} /> : null}
            </Suspense>
          </section>
        </>
      )}
    </section>
  );
}
