import DataLoader from 'dataloader';
import { boundedCount, requireViewer, type Viewer } from '@sophia/kit';
import type { ChatStore, ConversationRow, MessageRow } from './store.ts';

/** Per-request batch loaders; every one of them sees only the viewer's own conversations. */
export interface ChatLoaders {
  readonly conversation: DataLoader<string, ConversationRow | null>;
  readonly message: DataLoader<string, MessageRow | null>;
  /** Messages of a conversation, oldest first; one loader per `last` so a batch shares one query. */
  messagesOf(last: number | null): DataLoader<string, MessageRow[]>;
}

export const MAX_LAST_MESSAGES = 100;

/** Validates `Conversation.messages(last)`: null means all messages. */
export function lastMessages(last: number | null | undefined): number | null {
  if (last === null || last === undefined) return null;
  return boundedCount(last, { argument: 'last', max: MAX_LAST_MESSAGES, fallback: last });
}

function byId<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): (T | null)[] {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
}

export function createChatLoaders(store: ChatStore, viewer: Viewer): ChatLoaders {
  const owner = () => requireViewer(viewer).userId;
  const messageLoaders = new Map<number | null, DataLoader<string, MessageRow[]>>();
  return {
    conversation: new DataLoader(async (ids) => byId(ids, await store.conversationsByIds(owner(), ids))),
    message: new DataLoader(async (ids) => byId(ids, await store.messagesByIds(owner(), ids))),
    messagesOf(last) {
      let loader = messageLoaders.get(last);
      if (!loader) {
        loader = new DataLoader(async (conversationIds) => {
          const rows = await store.messagesOfConversations(conversationIds, last);
          return conversationIds.map((id) => rows.filter((row) => row.conversationId === id));
        });
        messageLoaders.set(last, loader);
      }
      return loader;
    },
  };
}
