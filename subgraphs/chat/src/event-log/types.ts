import type { CitationRef } from '../citations.ts';
import type { ConversationRow, MessageRow } from '../store.ts';

/** A tool call as the reply's events show it: TOOL_CALL has `ok: null`, TOOL_RESULT says how it went. */
export interface ToolCallRecord {
  readonly id: string;
  readonly server: string;
  readonly name: string;
  /** JSON. */
  readonly arguments: string;
  readonly ok: boolean | null;
  readonly errorCode: string | null;
  readonly durationMs: number | null;
}

export interface ChatEventError {
  readonly code: string;
  readonly message: string;
}

/**
 * The reply as it ended, carried by the final event so that any chat process can answer `message` without
 * the store of the process that wrote it (each chat process has its own embedded database).
 */
export interface ReplySnapshot {
  readonly message: MessageRow;
  readonly conversation: ConversationRow;
}

export type ChatEventBody =
  | { readonly type: 'TOKEN'; readonly delta: string }
  | { readonly type: 'TOOL_CALL' | 'TOOL_RESULT'; readonly toolCall: ToolCallRecord }
  | { readonly type: 'CITATION'; readonly citation: CitationRef }
  | { readonly type: 'DONE'; readonly reply: ReplySnapshot }
  | { readonly type: 'ERROR'; readonly error: ChatEventError; readonly reply: ReplySnapshot };

/** One event of a reply's stream; `seq` starts at 1 and has no gaps. */
export type ChatEventRecord = ChatEventBody & { readonly seq: number };

export const isFinal = (event: ChatEventBody): boolean => event.type === 'DONE' || event.type === 'ERROR';

/** Who may read a reply's stream, recorded when the stream opens. */
export interface ReplyStreamInfo {
  readonly messageId: string;
  readonly ownerId: string;
  readonly conversationId: string;
}

/**
 * The reply event log (DESIGN §7): one append-only stream per reply, written by the process that runs the
 * pipeline and read from any process, so a client that reconnects with its last `seq` loses nothing.
 */
export interface ReplyEventLog {
  /** Starts a reply's stream and records whose it is. */
  open(info: ReplyStreamInfo): Promise<void>;
  /** Appends the event with the given `seq` (the reply's single writer numbers them). */
  append(messageId: string, event: ChatEventRecord): Promise<void>;
  /** The `seq` of the stream's last event; 0 when it has none or does not exist. */
  lastSeq(messageId: string): Promise<number>;
  /** Whose the stream is; null when there is no such stream (never opened, or expired). */
  info(messageId: string): Promise<ReplyStreamInfo | null>;
  /**
   * The events with `seq > after`, then the live ones, ending after DONE or ERROR. `return()` stops reading at
   * once, even while waiting for the next event.
   */
  read(messageId: string, after: number): AsyncIterableIterator<ChatEventRecord>;
  /** Asks whichever process runs the reply to cancel it. */
  requestCancel(messageId: string): Promise<void>;
  /** Calls `listener` with the id of every reply some process asks to cancel; resolves once listening. */
  onCancelRequest(listener: (messageId: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** Events one reader may leave unread before it is cut off, so a stalled reader cannot grow memory. */
export const READER_CAPACITY = 20_000;
