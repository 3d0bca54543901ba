/** What the seed step and the import use of the memory store: its definition and its bulk writes. */
export { MEMORY_STORE } from './definition.ts';
export { documentMemories, type DocumentRecord } from './documents.ts';
export { replaceSourceMemories, upsertDirectory } from './writes.ts';
