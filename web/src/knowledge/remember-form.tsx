import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { Visibility } from '../__generated__/graphql.ts';
import { graphql } from '../__generated__/index.ts';
import { VisibilitySelect } from './visibility-select.tsx';

export const RememberNoteMutation = graphql(`
  mutation RememberNote($input: RememberInput!) {
    remember(input: $input) {
      merged
      memory {
        id
        content
        visibility
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

/** Adds a note to the knowledge base; mistakes come back as data and are shown beside the form. */
export function RememberForm() {
  const [content, setContent] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('PRIVATE');
  const [{ fetching, data, error }, remember] = useMutation(RememberNoteMutation);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const result = await remember({ input: { content: content.trim(), kind: 'NOTE', visibility } });
    const payload = result.data?.remember;
    if (payload?.memory && payload.errors.length === 0) {
      setSaved(payload.merged ? 'Merged into an existing note.' : 'Saved.');
      setContent('');
    }
  };
  const problems = data?.remember.errors ?? [];
  return (
    <section className="card" aria-labelledby="remember-title">
      <h3 id="remember-title">Add a note</h3>
      <form className="stack" onSubmit={submit}>
        <label htmlFor="note-content">Note</label>
        <textarea
          id="note-content"
          rows={3}
          value={content}
          onChange={(event) => setContent(event.target.value)}
          aria-invalid={problems.length > 0}
        />
        <VisibilitySelect
          id="note-visibility"
          label="Who may see the note"
          value={visibility}
          onChange={setVisibility}
        />
        <button type="submit" className="button primary" disabled={fetching || content.trim() === ''}>
          {fetching ? 'Saving…' : 'Remember'}
        </button>
      </form>
      <div aria-live="polite">
        {saved ? <p className="notice good">{saved}</p> : null}
        {problems.map((problem) => (
          <p key={`${problem.code}:${problem.message}`} className="notice bad" role="alert">
            {problem.message}
          </p>
        ))}
        {error ? (
          <p className="notice bad" role="alert">
            The note was not saved: {error.graphQLErrors[0]?.message ?? error.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}
