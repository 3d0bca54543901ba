import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';

/** Every panel reads the Prometheus data source chosen in the dashboard's `datasource` variable. */
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

export interface Series {
  readonly expr: string;
  readonly legend: string;
}

/** A time series panel of one or more PromQL series. */
export function graph(title: string, unit: string, series: readonly Series[], description = '') {
  const panel = new timeseries.PanelBuilder()
    .title(title)
    .description(description)
    .datasource(DATASOURCE)
    .unit(unit)
    .height(8)
    .span(12);
  series.forEach(({ expr, legend }, i) =>
    panel.withTarget(
      new prometheus.DataqueryBuilder()
        .expr(expr)
        .legendFormat(legend)
        .refId(String.fromCharCode(65 + i)),
    ),
  );
  return panel;
}

/** A single-number panel, e.g. the availability over the dashboard's range. */
export function single(title: string, unit: string, expr: string, description = '') {
  return new stat.PanelBuilder()
    .title(title)
    .description(description)
    .datasource(DATASOURCE)
    .unit(unit)
    .height(4)
    .span(6)
    .withTarget(new prometheus.DataqueryBuilder().expr(expr).instant().refId('A'));
}

/** A dashboard with the data source variable, Sophia's tag and a 30 s refresh. */
export function sophiaDashboard(uid: string, title: string, description: string) {
  return new dashboard.DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags(['sophia'])
    .refresh('30s')
    .time({ from: 'now-6h', to: 'now' })
    .timezone('utc')
    .withVariable(
      new dashboard.DatasourceVariableBuilder('datasource').label('Data source').type('prometheus'),
    );
}

export const row = (title: string) => new dashboard.RowBuilder(title);
