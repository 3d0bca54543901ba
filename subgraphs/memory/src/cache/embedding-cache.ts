import type { HotCache } from './hot-cache.ts';
import { embeddingKey } from './keys.ts';

/** Base64 of the vector's bytes (this platform's byte order, little-endian on every target we run on). */
export function encodeEmbedding(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

export function decodeEmbedding(text: string): Float32Array {
  // Copy into a fresh buffer: a pooled Buffer's offset need not be a multiple of 4.
  const bytes = new Uint8Array(Buffer.from(text, 'base64'));
  return new Float32Array(bytes.buffer, 0, bytes.byteLength / 4);
}

/** Cached embeddings of `texts` under `model`, in order; undefined where not cached. */
export async function getEmbeddings(
  cache: HotCache,
  model: string,
  texts: readonly string[],
): Promise<(Float32Array | undefined)[]> {
  const hits = await cache.getMany<string>(texts.map((text) => embeddingKey(model, text)));
  return hits.map((hit) => (hit === undefined ? undefined : decodeEmbedding(hit.value)));
}

export async function setEmbedding(
  cache: HotCache,
  model: string,
  text: string,
  vector: Float32Array,
  ttlMs?: number,
): Promise<void> {
  await cache.set(embeddingKey(model, text), encodeEmbedding(vector), ttlMs);
}
