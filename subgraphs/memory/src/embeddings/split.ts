import { EmbeddingInputError, type EmbeddingResult } from './provider.ts';

/** One request's outcome: vectors in input order, or the server refusing the request as a whole. */
export type BatchAnswer = { readonly vectors: Float32Array[] } | { readonly rejected: string };

/**
 * Sends `texts` in chunks of at most `maxBatch`. When the server refuses a chunk (TEI's 422 above its
 * client batch limit, or a validation error caused by one input) the chunk is halved and retried, so an
 * oversized batch still goes through and a bad input ends up failing alone, as an error in its own slot.
 */
export async function embedSplitting(
  texts: readonly string[],
  maxBatch: number,
  send: (chunk: readonly string[]) => Promise<BatchAnswer>,
): Promise<EmbeddingResult[]> {
  const results: EmbeddingResult[] = [];
  for (let start = 0; start < texts.length; start += maxBatch) {
    results.push(...(await sendOrSplit(texts.slice(start, start + maxBatch), send)));
  }
  return results;
}

async function sendOrSplit(
  chunk: readonly string[],
  send: (chunk: readonly string[]) => Promise<BatchAnswer>,
): Promise<EmbeddingResult[]> {
  const answer = await send(chunk);
  if ('vectors' in answer) return answer.vectors;
  if (chunk.length === 1)
    return [new EmbeddingInputError(`the embedding server refused this input: ${answer.rejected}`)];
  const half = Math.ceil(chunk.length / 2);
  return [
    ...(await sendOrSplit(chunk.slice(0, half), send)),
    ...(await sendOrSplit(chunk.slice(half), send)),
  ];
}
