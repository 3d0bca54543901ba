import { Counter, Gauge, type Registry } from 'prom-client';

/** How far kpi's facts are behind sales' deals: what an operator watches to know the numbers agree. */
export interface DealChangeMetrics {
  /** Changes applied to the facts, by how they arrived (`live` feed or `catch_up` from the outbox). */
  readonly applied: Counter<'source'>;
  /** Every change up to this number is applied. */
  readonly appliedThrough: Gauge;
  /** Catch-ups that could not reach sales or read its answer (the next one tries again). */
  readonly catchUpFailures: Counter;
}

export function dealChangeMetrics(registry: Registry): DealChangeMetrics {
  return {
    applied: new Counter({
      name: 'sophia_deal_changes_applied_total',
      help: 'Sales deal changes applied to the kpi facts, by source (live or catch_up).',
      labelNames: ['source'],
      registers: [registry],
    }),
    appliedThrough: new Gauge({
      name: 'sophia_deal_changes_applied_through',
      help: 'The highest sales deal change number up to which every change is applied.',
      registers: [registry],
    }),
    catchUpFailures: new Counter({
      name: 'sophia_deal_changes_catch_up_failures_total',
      help: 'Catch-ups from the sales outbox that failed (tried again on the next one).',
      registers: [registry],
    }),
  };
}
