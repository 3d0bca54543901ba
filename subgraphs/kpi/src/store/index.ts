/** What the seed step and the import use of the kpi store: its definition and its bulk writes. */
export { KPI_STORE } from './definition.ts';
export { upsertDailyFacts, upsertMetricDefinitions, upsertMetricTargets } from './writes.ts';
export { upsertDailyFactsFrom, upsertMetricTargetsFrom } from './bulk-writes.ts';
