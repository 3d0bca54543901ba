/** What the seed step uses of the chat store: its definition (chat has no demo rows, only the demo's clock). */
export { CHAT_STORE } from './definition.ts';
