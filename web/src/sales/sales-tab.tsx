import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../__generated__/index.ts';
import { PeriodSelect } from '../overview/period-select.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { DealsTable } from './deals-table.tsx';
import { ForecastSummary } from './forecast-summary.tsx';
import { PipelineChart } from './pipeline-chart.tsx';

export const SalesOverviewQuery = graphql(`
  query SalesOverview($period: String) {
    pipeline(period: $period) {
      period
      ...ForecastSummaryFields
      ...PipelineChartFields
    }
  }
`);

/** The pipeline of a period by stage, its weighted forecast, and its deals. */
export function SalesTab() {
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [current, setCurrent] = useState<string | undefined>(undefined);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SalesOverviewQuery,
    variables: { period: period ?? null },
  });
  const shownPeriod = data?.pipeline?.period;
  useEffect(() => {
    if (period === undefined && shownPeriod) setCurrent(shownPeriod);
  }, [period, shownPeriod]);

  return (
    <section className="tab-section" aria-labelledby="sales-title">
      <header className="section-head">
        <h2 id="sales-title">Sales intelligence</h2>
        {current ? (
          <PeriodSelect id="sales-period" current={current} value={period ?? current} onChange={setPeriod} />
        ) : null}
      </header>
      {fetching && !data ? (
        <Loading label="Loading the pipeline" rows={3} />
      ) : error ? (
        <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : data?.pipeline ? (
        <>
          <ForecastSummary pipeline={data.pipeline} />
          <section className="card chart-card" aria-labelledby="pipeline-title">
            <h3 id="pipeline-title">Pipeline by stage · {data.pipeline.period}</h3>
            <PipelineChart pipeline={data.pipeline} />
          </section>
        </>
      ) : null}
      <section className="card" aria-labelledby="deals-title">
        <h3 id="deals-title">Deals closing in {shownPeriod ?? 'the period'}</h3>
        {shownPeriod ? <DealsTable key={shownPeriod} period={shownPeriod} /> : null}
      </section>
    </section>
  );
}
