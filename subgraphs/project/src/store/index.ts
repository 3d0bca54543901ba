/** What the seed step and the import use of the project store: its definition and its bulk writes. */
export { PROJECT_STORE } from './definition.ts';
export * from './writes.ts';
