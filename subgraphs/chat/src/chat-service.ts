import { badUserInput, notFound, SophiaError, type RequestDeadline, type SignedInViewer } from '@sophia/kit';
import type { ChatEventRecord, ReplyEventLog } from './event-log/index.ts';
import type { MessageRateLimit } from './message-rate-limit.ts';
import type { ReplyRunner } from './pipeline/reply-runner.ts';
import { titleFrom } from './pipeline/title.ts';
import type { ChatStore, ConversationRow, MessageRow } from './store.ts';

/** A mistake the caller can fix, returned as data on a mutation payload. */
export interface UserErrorRow {
  readonly field: readonly string[] | null;
  readonly message: string;
  readonly code: string;
}

export interface SendMessageResult {
  readonly conversation: ConversationRow | null;
  readonly userMessage: MessageRow | null;
  readonly reply: MessageRow | null;
  readonly errors: readonly UserErrorRow[];
}

export interface CancelReplyResult {
  readonly message: MessageRow | null;
  readonly errors: readonly UserErrorRow[];
}

export interface ChatServiceOptions {
  readonly store: ChatStore;
  readonly log: ReplyEventLog;
  readonly runner: ReplyRunner;
  readonly limiter: MessageRateLimit;
  readonly maxMessageChars: number;
  /** How long `cancelReply` waits for the writing process to end the reply. */
  readonly cancelWaitMs: number;
}

/** Earlier turns the pipeline reads: enough for follow-ups, bounded so prompts stay small. */
const HISTORY_TURNS = 20;

const refuse = (field: string[] | null, code: string, message: string) => ({
  errors: [{ field, code, message }],
});

/** sendMessage, cancelReply and replyStream: validation and ownership here, the writing in the pipeline. */
export class ChatService {
  constructor(private readonly options: ChatServiceOptions) {}

  async sendMessage(
    viewer: SignedInViewer,
    input: { conversationId?: string | null | undefined; text: string },
    /** The request's deadline: the exchange is stored, and its reply started, only within it. */
    deadline?: RequestDeadline,
  ): Promise<SendMessageResult> {
    const empty = { conversation: null, userMessage: null, reply: null };
    const { store, log, runner, limiter, maxMessageChars } = this.options;
    const text = input.text.trim();
    if (text === '') return { ...empty, ...refuse(['input', 'text'], 'BAD_USER_INPUT', 'Write a message.') };
    if (input.text.length > maxMessageChars) {
      const message = `A message is at most ${maxMessageChars} characters; this one has ${input.text.length}.`;
      return { ...empty, ...refuse(['input', 'text'], 'BAD_USER_INPUT', message) };
    }
    const allowance = await limiter.take(viewer.userId);
    if (!allowance.allowed) {
      const message = `Too many messages a minute; try again in ${allowance.retryAfterSeconds} s.`;
      return { ...empty, ...refuse(null, 'RATE_LIMITED', message) };
    }
    const sent = await store.sendIntoConversation(
      {
        ownerId: viewer.userId,
        conversationId: input.conversationId ?? null,
        title: titleFrom(text),
        question: text,
        historyTurns: HISTORY_TURNS,
      },
      deadline,
    );
    if (!sent) {
      // Someone else's conversation is refused exactly like one that does not exist.
      const message = `No conversation of yours has the id ${input.conversationId}.`;
      return { ...empty, ...refuse(['input', 'conversationId'], 'NOT_FOUND', message) };
    }
    const { exchange, turns } = sent;
    const conversation = exchange.conversation;
    const { userMessage, reply } = exchange;
    // Opened before the payload returns, so a client may subscribe the moment it has the reply's id.
    try {
      await log.open({ messageId: reply.id, ownerId: viewer.userId, conversationId: conversation.id });
    } catch {
      // Without its stream nobody could follow the reply: it fails now rather than stay STREAMING forever.
      await store.updateMessage(reply.id, { status: 'FAILED' });
      throw new SophiaError('DOWNSTREAM_SERVICE_ERROR', 'The reply event log is unavailable; try again.');
    }
    runner.start({
      viewer,
      conversation,
      question: text,
      reply,
      history: turns,
      // The store's clock: the demo's anchor day when the demo is loaded, so "this quarter" matches its data.
      now: store.clock.now(),
    });
    return { conversation, userMessage, reply, errors: [] };
  }

  async cancelReply(viewer: SignedInViewer, messageId: string): Promise<CancelReplyResult> {
    const { store, log, runner } = this.options;
    const info = await log.info(messageId);
    // Someone else's reply is refused exactly like one that does not exist: no existence oracle.
    if (!info || info.ownerId !== viewer.userId) {
      return { message: null, ...refuse(['messageId'], 'NOT_FOUND', `No reply has the id ${messageId}.`) };
    }
    // A reply this process stored has its status here; one from another process is judged by how it ends.
    const [stored] = await store.messagesByIds(viewer.userId, [messageId]);
    if (stored && stored.status !== 'STREAMING') {
      const message = `The reply had already ended ${stored.status}.`;
      return { message: stored, ...refuse(['messageId'], 'CONFLICT', message) };
    }
    // This process may be writing it; otherwise whichever process is hears it through the event log.
    if (!(await runner.cancel(messageId))) await log.requestCancel(messageId);
    const final = await this.finalEvent(messageId);
    if (!final) {
      const message = 'The reply did not end in time; it may still be written.';
      return { message: null, ...refuse(['messageId'], 'DOWNSTREAM_SERVICE_ERROR', message) };
    }
    const message = final.reply.message;
    if (message.status !== 'CANCELLED') {
      return {
        message,
        ...refuse(['messageId'], 'CONFLICT', `The reply had already ended ${message.status}.`),
      };
    }
    return { message, errors: [] };
  }

  /** Cancels a reply this process writes, when another process asked (Redis event log). */
  onCancelRequest(messageId: string): void {
    void this.options.runner.cancel(messageId);
  }

  /** The reply's events after `after`, then the live ones until DONE or ERROR: its owner only. */
  async openStream(
    viewer: SignedInViewer,
    messageId: string,
    after: number | null | undefined,
  ): Promise<AsyncIterableIterator<ChatEventRecord>> {
    const from = after ?? 0;
    if (!Number.isInteger(from) || from < 0) throw badUserInput('`after` must be 0 or more.', 'after');
    const info = await this.options.log.info(messageId);
    // Someone else's reply answers exactly like one that does not exist: no existence oracle.
    if (!info || info.ownerId !== viewer.userId) throw notFound('Reply', messageId);
    return this.options.log.read(messageId, from);
  }

  private async finalEvent(
    messageId: string,
  ): Promise<Extract<ChatEventRecord, { type: 'DONE' | 'ERROR' }> | null> {
    const events = this.options.log.read(messageId, 0);
    const timer = setTimeout(() => void events.return?.(), this.options.cancelWaitMs);
    try {
      for await (const event of events) {
        if (event.type === 'DONE' || event.type === 'ERROR') return event;
      }
      return null;
    } catch (error) {
      if (error instanceof SophiaError) return null;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
