import { useCallback, useState } from 'react';
import { Empty } from '../ui/states.tsx';
import { Composer, type Sent } from './composer.tsx';
import { ConversationList } from './conversation-list.tsx';
import { ConversationView } from './conversation-view.tsx';
import { LiveReply } from './live-reply.tsx';

/** Conversations with the assistant: the list, the chosen thread, a reply streaming in, the message box. */
export function AssistantTab() {
  const [selected, setSelected] = useState<string | null>(null);
  const [live, setLive] = useState<string | null>(null);
  // Bumped when a message is sent or a reply ends, so the thread and the list reload what was stored.
  const [version, setVersion] = useState(0);

  const onSent = (sent: Sent) => {
    setSelected(sent.conversationId);
    setLive(sent.replyId);
    setVersion((v) => v + 1);
  };
  const onEnded = useCallback(() => setVersion((v) => v + 1), []);
  const select = (id: string | null) => {
    setSelected(id);
    setLive(null);
  };

  return (
    <section className="tab-section" aria-labelledby="assistant-title">
      <header className="section-head">
        <h2 id="assistant-title">AI assistant</h2>
      </header>
      <div className="assistant">
        <ConversationList selected={selected} onSelect={select} version={version} />
        <div className="card thread">
          {selected ? (
            <ConversationView id={selected} version={version} live={live} />
          ) : (
            <Empty
              title="Ask Sophia anything about the company."
              hint="For example: What were our Q3 revenue numbers?"
            />
          )}
          {live ? <LiveReply key={live} messageId={live} onEnded={onEnded} /> : null}
          <Composer conversationId={selected} disabled={false} onSent={onSent} />
        </div>
      </div>
    </section>
  );
}
