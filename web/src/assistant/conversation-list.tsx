import { useEffect } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../__generated__/index.ts';
import { formatDay } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';

export const ConversationsQuery = graphql(`
  query Conversations {
    conversations(first: 30) {
      id
      title
      updatedAt
    }
  }
`);

/** The viewer's conversations, most recent first; choosing one opens it. */
export function ConversationList(props: {
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** Changes when a conversation may have changed: the list is fetched again. */
  version: number;
}) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ConversationsQuery });
  useEffect(() => {
    if (props.version > 0) refetch({ requestPolicy: 'network-only' });
  }, [props.version, refetch]);
  return (
    <nav className="card conversations" aria-labelledby="conversations-title">
      <header className="section-head">
        <h3 id="conversations-title">Conversations</h3>
        <button type="button" className="button" onClick={() => props.onSelect(null)}>
          New
        </button>
      </header>
      {fetching && !data ? (
        <Loading label="Loading conversations" rows={3} />
      ) : error ? (
        <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data?.conversations?.length ? (
        <Empty title="No conversations yet." hint="Ask Sophia something to start one." />
      ) : (
        <ul className="conversation-items">
          {data.conversations.map((conversation) => (
            <li key={conversation.id}>
              <button
                type="button"
                className="conversation-item"
                aria-current={conversation.id === props.selected ? 'true' : undefined}
                onClick={() => props.onSelect(conversation.id)}
              >
                <span>{conversation.title}</span>
                <span className="muted">{formatDay(conversation.updatedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
