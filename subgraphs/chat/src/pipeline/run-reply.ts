import { isErrorCode, SophiaError, withSpan, type Logger, type SignedInViewer } from '@sophia/kit';
import type { ChatEventError, ReplyEventLog } from '../event-log/index.ts';
import type { ChatStore, ConversationRow, MessageRow, MessageStatus } from '../store.ts';
import type { Toolbox, ToolboxFactory } from '../tools/toolbox.ts';
import {
  ToolCallError,
  type ConversationTurn,
  type Synthesizer,
  type ToolInvoker,
  type Understanding,
} from './answer-contract.ts';
import { INTERRUPTED } from './interrupted-replies.ts';
import { exchangeMemory, retrieveMemories } from './memories.ts';
import { recordedTools } from './recorded-tools.ts';
import type { ReplyMetrics } from './reply-metrics.ts';
import { ReplyWriter } from './reply-writer.ts';

export type Understand = (
  question: string,
  history: readonly ConversationTurn[],
  tools: ToolInvoker,
  now: Date,
) => Promise<Understanding>;

/** What writes the answer for one reply: the analyst, or the LLM offered the reply's tools. */
export type SynthesizerFor = (toolbox: Toolbox) => Synthesizer;

export interface PipelineDeps {
  readonly store: ChatStore;
  readonly log: ReplyEventLog;
  readonly logger: Logger;
  readonly understand: Understand;
  readonly synthesizerFor: SynthesizerFor;
  readonly toolboxFor: ToolboxFactory;
  readonly metrics?: ReplyMetrics;
}

export interface ReplyJob {
  readonly viewer: SignedInViewer;
  readonly conversation: ConversationRow;
  readonly question: string;
  readonly reply: MessageRow;
  /** Earlier turns, oldest first, without the question. */
  readonly history: readonly ConversationTurn[];
  readonly now: Date;
}

/** Why a run was aborted: the owner cancelled, or the process is shutting down. */
export type AbortReason = 'CANCELLED' | 'SHUTDOWN';

/** A failure as the reply's ERROR event shows it: a catalogue code, and a message safe to show. */
export function toChatError(error: unknown): ChatEventError & { unexpected: boolean } {
  if (error instanceof ToolCallError) {
    const code = isErrorCode(error.code) ? error.code : 'DOWNSTREAM_SERVICE_ERROR';
    return { code, message: `The ${error.tool} tool failed: ${error.message}`, unexpected: false };
  }
  if (error instanceof SophiaError) {
    const code = String(error.extensions['code']);
    return { code, message: error.message, unexpected: code === 'INTERNAL_SERVER_ERROR' };
  }
  return {
    code: 'INTERNAL_SERVER_ERROR',
    message: 'The assistant failed unexpectedly; the failure was logged.',
    unexpected: true,
  };
}

/** Rejects as soon as `signal` aborts, so a synthesizer that ignores its signal does not hold the reply. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Runs one reply (DESIGN §7): understand → retrieve memories → synthesize with recorded tools → persist →
 * DONE, then remember the exchange. Never rejects: every failure ends the reply with an ERROR event and the
 * message FAILED; a cancel ends it with DONE and the message CANCELLED.
 */
export function runReply(deps: PipelineDeps, job: ReplyJob, signal: AbortSignal): Promise<void> {
  // One span for the whole reply, a child of the sendMessage that started it, ending after the last token.
  return withSpan('chat.reply', { attributes: { 'sophia.message_id': job.reply.id } }, () =>
    writeReply(deps, job, signal),
  );
}

async function writeReply(deps: PipelineDeps, job: ReplyJob, signal: AbortSignal): Promise<void> {
  const { store, log, logger, metrics } = deps;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const writer = new ReplyWriter(log, job.reply.id);
  const toolbox = deps.toolboxFor({ viewer: job.viewer, signal });
  const tools = recordedTools(toolbox, writer);
  const replyLog = logger.child({ messageId: job.reply.id, userId: job.viewer.userId });

  const finish = async (status: MessageStatus, error?: ChatEventError) => {
    const message = await store.finishReply({
      id: job.reply.id,
      content: writer.content,
      status,
      citations: writer.citations,
    });
    const reply = { message: message ?? { ...job.reply, status }, conversation: job.conversation };
    // Another replica failed the reply while this one stalled past its lease: the store keeps that, and so
    // does the stream's end.
    const ending = message && message.status !== status ? INTERRUPTED : error;
    writer.emit(ending ? { type: 'ERROR', error: ending, reply } : { type: 'DONE', reply });
    await writer.flush();
    metrics?.reply.observe({ outcome: status }, seconds());
  };

  let status: MessageStatus = 'COMPLETE';
  try {
    try {
      const understanding = await withSpan('chat.understand', {}, () =>
        untilAborted(deps.understand(job.question, job.history, tools, job.now), signal),
      );
      const memories =
        understanding.needsMemories === false
          ? []
          : await withSpan('chat.retrieve_memories', {}, () =>
              untilAborted(retrieveMemories(tools, job.question, job.history), signal),
            );
      const synthesize = deps.synthesizerFor(toolbox);
      const request = {
        question: job.question,
        understanding,
        history: job.history,
        memories,
        tools,
        now: job.now,
        signal,
      };
      await withSpan('chat.synthesize', {}, async (span) => {
        let tokens = 0;
        let characters = 0;
        await untilAborted(
          synthesize(request, (event) => {
            if (signal.aborted) return;
            if (event.type === 'TOKEN') {
              if (tokens === 0) metrics?.firstToken.observe(seconds());
              tokens += 1;
              characters += event.delta.length;
              writer.token(event.delta);
            } else writer.cite(event.citation);
          }),
          signal,
        );
        // Tokens as the synthesizer wrote them; the stream may carry them in fewer events (see ReplyWriter).
        span.setAttribute('sophia.tokens', tokens);
        span.setAttribute('sophia.characters', characters);
      });
      await finish('COMPLETE');
    } catch (error) {
      if (signal.aborted && signal.reason === 'CANCELLED') {
        status = 'CANCELLED';
        await finish('CANCELLED');
      } else {
        status = 'FAILED';
        const failure = signal.aborted
          ? {
              code: 'INTERNAL_SERVER_ERROR',
              message: 'The chat service stopped while writing the reply.',
              unexpected: false,
            }
          : toChatError(error);
        if (failure.unexpected) replyLog.error({ err: error }, 'Reply failed');
        else replyLog.warn({ code: failure.code, reason: String(error) }, 'Reply failed');
        await finish('FAILED', { code: failure.code, message: failure.message });
      }
    }
    if (status === 'COMPLETE') {
      // Remembered after DONE: the answer must not wait for it, and a failure here does not undo the answer.
      await toolbox
        .call('Remember', exchangeMemory(job.question, writer.content), 'background')
        .catch((error: unknown) =>
          replyLog.warn({ reason: String(error) }, 'Could not remember the exchange'),
        );
    }
  } catch (error) {
    // Storing or streaming the end failed (the store or the event log is down): nothing more can be told.
    replyLog.error({ err: error }, 'Could not record the end of a reply');
  }
}
