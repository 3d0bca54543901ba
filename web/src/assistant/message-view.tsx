import { graphql, getFragmentData, type FragmentType } from '../__generated__/index.ts';
import { CitationChip } from './citation-chip.tsx';
import { Markdown } from './markdown.tsx';

export const MessageFields = graphql(`
  fragment MessageFields on Message {
    id
    role
    content
    status
    createdAt
    citations {
      ...CitationFields
    }
  }
`);

/** A stored message: the user's text, or the assistant's markdown with its citations. */
export function MessageView(props: { message: FragmentType<typeof MessageFields> }) {
  const message = getFragmentData(MessageFields, props.message);
  return (
    <article className={`message role-${message.role.toLowerCase()}`} data-message={message.id}>
      <span className="visually-hidden">{message.role === 'USER' ? 'You' : 'Sophia'}:</span>
      {message.role === 'USER' ? <p>{message.content}</p> : <Markdown text={message.content} />}
      {message.status === 'FAILED' ? <p className="notice bad">The answer failed.</p> : null}
      {message.citations.length ? (
        <div className="citations" aria-label="Citations">
          {message.citations.map((citation, i) => (
            <CitationChip key={i} citation={citation} index={i + 1} />
          ))}
        </div>
      ) : null}
    </article>
  );
}
