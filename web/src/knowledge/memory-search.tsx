import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../__generated__/index.ts';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { MemoryHit } from './memory-hit.tsx';

export const SearchMemoriesQuery = graphql(`
  query SearchMemories($query: String!, $limit: Int) {
    searchMemories(query: $query, limit: $limit) {
      memory {
        id
      }
      ...MemoryHitFields
    }
  }
`);

/** Searches the knowledge base; results show which tier answered and how well each matched. */
export function MemorySearch() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SearchMemoriesQuery,
    variables: { query, limit: 10 },
    pause: query === '',
    requestPolicy: 'network-only',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === query) refetch({ requestPolicy: 'network-only' });
    else setQuery(trimmed);
  };
  return (
    <section className="card" aria-labelledby="search-title">
      <h3 id="search-title">Search the knowledge base</h3>
      <form className="search-form" role="search" onSubmit={submit}>
        <label className="visually-hidden" htmlFor="memory-query">
          Search memories
        </label>
        <input
          id="memory-query"
          type="search"
          value={text}
          placeholder="e.g. renewal risk at Mayfield"
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button primary" disabled={text.trim() === ''}>
          Search
        </button>
      </form>
      {query === '' ? (
        <Empty title="Search notes, documents and facts." hint="Results show the tier that answered." />
      ) : fetching && !data ? (
        <Loading label="Searching" rows={3} />
      ) : error ? (
        <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data?.searchMemories?.length ? (
        <Empty title={`Nothing matches “${query}”.`} hint="Try other words." />
      ) : (
        <ol className="hits" aria-label={`Results for ${query}`}>
          {data.searchMemories.map((hit) => (
            <MemoryHit key={hit.memory.id} hit={hit} />
          ))}
        </ol>
      )}
    </section>
  );
}
