/** `@sophia/ops`: the deterministic demo company and the period helpers the subgraphs share. */
export {
  COMPANY_DOMAIN,
  COMPANY_NAME,
  DEFAULT_SEED,
  DIRECTORY_REFERENCE_DATE,
  demoDirectory,
  generateCompany,
} from './company.ts';
export type { GenerateCompanyOptions } from './company.ts';
export { STAGE_PROBABILITY } from './deal-stages.ts';
export { evaluateMetric } from './evaluate-metric.ts';
export type { FactRow } from './evaluate-metric.ts';
export { FACTS, FACT_NAMES } from './facts.ts';
export type { FactKind, FactName } from './facts.ts';
export { METRICS, metricById } from './metrics.ts';
export { keyResultMeasurementRange, keyResultProgress } from './objectives.ts';
export {
  PeriodError,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodsOverlapping,
  previousPeriod,
} from './period.ts';
export type { Period, PeriodGrain } from './period.ts';
export { deriveProjectStatus } from './project-status.ts';
export type * from './types.ts';
