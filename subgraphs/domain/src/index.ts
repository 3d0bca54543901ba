/**
 * `@sophia/domain`: the rules Sophia's services, seed and import share. No storage, no I/O, no demo data:
 * a service depends on this and on the kit, never on `@sophia/ops`.
 */
export * from './dates.ts';
export * from './period.ts';
export * from './facts.ts';
export * from './stages.ts';
export * from './deal-changes.ts';
export * from './key-results.ts';
export * from './metrics.ts';
export * from './evaluate-metric.ts';
export * from './project-status.ts';
export type * from './types.ts';
