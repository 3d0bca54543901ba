export * from './env.ts';
export * from './start-telemetry.ts';
export * from './spans.ts';
export * from './http-server-span.ts';
export * from './redis-spans.ts';
export * from './ws-trace.ts';
