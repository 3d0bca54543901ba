export * from './idempotency-store.ts';
export * from './use-idempotency-keys.ts';
