/** Chunking of long documents for retrieval: overlapping windows of words, so no passage is cut in two. */
export interface ChunkOptions {
  /** @default 120 */
  readonly size?: number;
  /** Words repeated at the start of the next chunk. @default 20 */
  readonly overlap?: number;
}

/**
 * Splits `text` into windows of `size` words, each starting `size - overlap` words after the previous one.
 * Chunks are slices of the original text, so paragraphs and markdown inside a chunk are kept as written.
 */
export function chunkText(text: string, options: ChunkOptions = {}): string[] {
  const size = options.size ?? 120;
  const overlap = options.overlap ?? 20;
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
    throw new RangeError(`Chunk size ${size} and overlap ${overlap} must satisfy 0 ≤ overlap < size.`);
  }
  const words = [...text.matchAll(/\S+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const chunks: string[] = [];
  for (let first = 0; first < words.length; first += size - overlap) {
    const last = Math.min(first + size, words.length) - 1;
    chunks.push(text.slice(words[first]!.start, words[last]!.end));
    if (last === words.length - 1) break;
  }
  return chunks;
}
