import { useEffect } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../__generated__/index.ts';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { MessageView } from './message-view.tsx';

export const ConversationQuery = graphql(`
  query Conversation($id: ID!) {
    conversation(id: $id) {
      id
      title
      messages {
        id
        ...MessageFields
      }
    }
  }
`);

/**
 * The stored messages of one conversation, oldest first. The reply being streamed (`live`) is left out:
 * the live view shows it.
 */
export function ConversationView({
  id,
  version,
  live,
}: {
  id: string;
  version: number;
  live: string | null;
}) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ConversationQuery, variables: { id } });
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  if (fetching && !data) return <Loading label="Loading the conversation" rows={3} />;
  if (error) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const conversation = data?.conversation;
  if (!conversation) return <Empty title="This conversation is gone." />;
  return (
    <div className="messages" aria-label={conversation.title}>
      {conversation.messages
        .filter((message) => message.id !== live)
        .map((message) => (
          <MessageView key={message.id} message={message} />
        ))}
    </div>
  );
}
