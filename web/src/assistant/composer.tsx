import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../__generated__/index.ts';

export const SendMessageMutation = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      conversation {
        id
        title
      }
      userMessage {
        id
      }
      reply {
        id
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

/** Where the message went: the conversation and the reply being written. */
export interface Sent {
  readonly conversationId: string;
  readonly replyId: string;
}

/** The message box: Enter sends, Shift+Enter adds a line; refusals come back as data and are shown. */
export function Composer(props: {
  conversationId: string | null;
  disabled: boolean;
  onSent: (sent: Sent) => void;
}) {
  const [text, setText] = useState('');
  const [{ fetching, data, error }, send] = useMutation(SendMessageMutation);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const message = text.trim();
    if (!message || fetching || props.disabled) return;
    const result = await send({ input: { text: message, conversationId: props.conversationId } });
    const payload = result.data?.sendMessage;
    if (payload?.conversation && payload.reply && payload.errors.length === 0) {
      setText('');
      props.onSent({ conversationId: payload.conversation.id, replyId: payload.reply.id });
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) void submit(event);
  };
  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <div className="composer">
        <label htmlFor="chat-input" className="visually-hidden">
          Ask Sophia
        </label>
        <textarea
          id="chat-input"
          rows={2}
          value={text}
          placeholder="Ask about revenue, deals, projects…"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="submit"
          className="button primary"
          disabled={fetching || props.disabled || !text.trim()}
        >
          Send
        </button>
      </div>
      {data?.sendMessage.errors.map((problem) => (
        <p key={problem.code + problem.message} className="notice bad" role="alert">
          {problem.message}
        </p>
      ))}
      {error ? (
        <p className="notice bad" role="alert">
          The message was not sent: {error.graphQLErrors[0]?.message ?? error.message}
        </p>
      ) : null}
    </form>
  );
}
