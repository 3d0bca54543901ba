export * from './api-key-scopes.ts';
export * from './api-key-secret.ts';
export * from './api-key-routes.ts';
