import { signViewerToken, VIEWER_HEADER, type Viewer } from '@sophia/kit';
import { CEO, TEST_SECRET, type GraphQLResponse } from '@sophia/kit/testing';

/** Pronounceable made-up words, distinct for every `i` (as in ingest.test.ts), so each one finds its memory. */
export const word = (i: number): string => {
  const syllables = ['ka', 'lo', 'mi', 'nu', 'pe', 'ri', 'so', 'tu', 'va', 'ze'];
  let text = 'q';
  for (let n = i + 100; n > 0; n = Math.floor(n / 10)) text += syllables[n % 10];
  return text;
};

/** `count` distinct words from `word(from)` on, separated by spaces. */
export const wordsFrom = (from: number, count: number): string =>
  Array.from({ length: count }, (_, i) => word(from + i)).join(' ');

export type Post = <TData>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphQLResponse<TData>>;

/**
 * A client for a subgraph that runs as its own process: real HTTP, each request signed for `viewer` as the
 * gateway signs it. A request the process never answers (it was killed) rejects, as `fetch` does.
 */
export function graphqlAt(url: string, viewer: Viewer = CEO): Post {
  return async <TData>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [VIEWER_HEADER]: await signViewerToken(viewer, TEST_SECRET),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse<TData>;
  };
}

/** Runs `work` over `items` with at most `limit` calls in flight; results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
