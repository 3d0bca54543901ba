import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql, type FragmentType } from '../__generated__/index.ts';
import { CitationChip, type CitationFields } from './citation-chip.tsx';
import { Markdown } from './markdown.tsx';
import { emptyReply, foldReplyEvent, type ReplyState } from './reply-state.ts';

export const ReplyStreamSubscription = graphql(`
  subscription ReplyStream($messageId: ID!, $after: Int) {
    replyStream(messageId: $messageId, after: $after) {
      seq
      type
      delta
      toolCall {
        id
        server
        name
        ok
        errorCode
        durationMs
      }
      citation {
        ...CitationFields
      }
      error {
        code
        message
      }
      message {
        id
        status
      }
    }
  }
`);

type Citation = FragmentType<typeof CitationFields>;

/**
 * An assistant reply as it is written: text rendered as markdown while it streams, the tools it calls
 * and the entities it cites. A dropped connection resumes after the last event received.
 */
export function LiveReply({ messageId, onEnded }: { messageId: string; onEnded: () => void }) {
  // Folded here rather than from urql's previous value, which misses events that arrive in one batch.
  const folded = useRef<ReplyState<Citation>>(emptyReply<Citation>());
  const [{ data: reply, error }] = useSubscription(
    // `after: null` starts from the first event; the client moves the cursor on as events arrive.
    { query: ReplyStreamSubscription, variables: { messageId, after: null } },
    (_previous: ReplyState<Citation> | undefined, event) =>
      (folded.current = foldReplyEvent(folded.current, {
        ...event.replyStream,
        citation: event.replyStream.citation ?? null,
      })),
  );
  const ended = reply?.status === 'DONE' || reply?.status === 'ERROR';
  useEffect(() => {
    if (ended) onEnded();
  }, [ended, onEnded]);

  return (
    <article
      className="message role-assistant"
      aria-live="polite"
      aria-busy={!ended}
      data-live-reply={messageId}
    >
      <span className="visually-hidden">Sophia:</span>
      {reply?.tools.length ? (
        <ul className="tool-activity" aria-label="Tool activity">
          {reply.tools.map((tool) => (
            <li key={tool.id}>
              {tool.ok === null ? '⏳' : tool.ok ? '✓' : '✗'} {tool.name}
              {tool.durationMs !== null ? ` · ${tool.durationMs} ms` : ''}
              {tool.errorCode ? ` · ${tool.errorCode}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {reply?.text ? <Markdown text={reply.text} /> : <p className="muted">Sophia is thinking…</p>}
      {reply?.error ? (
        <p className="notice bad" role="alert">
          The answer failed: {reply.error.message} <code>{reply.error.code}</code>
        </p>
      ) : null}
      {error ? (
        <p className="notice bad" role="alert">
          The reply stream failed: {error.graphQLErrors[0]?.message ?? error.message}
        </p>
      ) : null}
      {reply?.citations.length ? (
        <div className="citations" aria-label="Citations">
          {reply.citations.map((citation, i) => (
            <CitationChip key={i} citation={citation} index={i + 1} />
          ))}
        </div>
      ) : null}
    </article>
  );
}
