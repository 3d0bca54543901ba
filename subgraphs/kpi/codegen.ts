import { subgraphCodegen } from '../kit/src/codegen/subgraph-codegen.ts';

export default subgraphCodegen('kpi', {
  context: '../context.ts#KpiContext',
  mappers: {
    Metric: '../store.ts#MetricRow',
    KpiCard: '../kpi-cards.ts#KpiCardModel',
  },
});
