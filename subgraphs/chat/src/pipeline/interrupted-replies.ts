import type { Logger } from '@sophia/kit';
import type { ChatEventError, ReplyEventLog } from '../event-log/index.ts';
import type { ReplySnapshot } from '../event-log/types.ts';

/** What the stream of a reply cut off by a stopped chat process ends with. */
export const INTERRUPTED: ChatEventError = {
  code: 'INTERNAL_SERVER_ERROR',
  message: 'The reply was interrupted when the chat service stopped; ask again.',
};

/**
 * At start, after the store marked the replies a stopped process was writing FAILED
 * (`ChatStore.failInterruptedReplies`): each one's stream, when the event log still has it (Redis), ends with
 * an ERROR event, so a client following or resuming it is told instead of waiting until the stream expires.
 */
export async function endInterruptedStreams(
  replies: readonly ReplySnapshot[],
  log: ReplyEventLog,
  logger: Pick<Logger, 'warn'>,
): Promise<void> {
  // Never rejects: a stream it cannot end is logged and expires with its TTL.
  for (const reply of replies) {
    const messageId = reply.message.id;
    try {
      if ((await log.info(messageId)) === null) continue;
      await log.append(messageId, {
        seq: (await log.lastSeq(messageId)) + 1,
        type: 'ERROR',
        error: INTERRUPTED,
        reply,
      });
    } catch (error) {
      logger.warn({ err: error, messageId }, 'could not end an interrupted reply stream');
    }
  }
}
