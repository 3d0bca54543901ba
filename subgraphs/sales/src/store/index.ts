/** What the seed step and the import use of the sales store: its definition and its bulk writes. */
export { SALES_STORE } from './definition.ts';
export * from './writes.ts';
export * from './bulk-writes.ts';
