import { createHash } from 'node:crypto';

/** Cache key of one memory record. */
export const memoryKey = (id: string): string => `mem:${id}`;

/** Cache key of one embedding: the model and a hash of the exact text. */
export const embeddingKey = (model: string, text: string): string => `emb:${model}:${sha256(text)}`;

/** Cache key of a search result: the generations of the viewer's scopes, then a hash of the request. */
export const searchKey = (generations: readonly number[], request: unknown): string =>
  `search:${generations.join('.')}:${sha256(stableJson(request))}`;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** JSON with object keys sorted, so equal requests hash alike whatever order their fields were built in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
