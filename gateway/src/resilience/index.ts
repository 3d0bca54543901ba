export * from './env.ts';
export * from './circuit-breaker.ts';
export * from './retry.ts';
export * from './in-flight-dedup.ts';
export * from './subgraph-failure.ts';
export * from './subgraph-resilience.ts';
export * from './resilience-metrics.ts';
export * from './load-shedding.ts';
