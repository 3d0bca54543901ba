import { tokenize } from '../tokenize.ts';
import { EmbeddingInputError, type EmbeddingProvider, type EmbeddingResult } from './provider.ts';

export const LOCAL_MODEL = 'sophia-local-hashing-v1';

/** Bigrams weigh less than words: they sharpen phrase matches without drowning single shared terms. */
const BIGRAM_WEIGHT = 0.5;

/**
 * A deterministic, offline embedder. It is lexical, not semantic: feature hashing of the search tokenizer's
 * terms (stemmed words, stop words dropped) and adjacent-term bigrams into `dimension` signed buckets,
 * L2-normalized. Texts sharing key terms are close; synonyms without shared terms are not.
 */
export function createLocalProvider(options: {
  readonly dimension: number;
  readonly model?: string;
}): EmbeddingProvider {
  const { dimension } = options;
  return {
    name: 'local',
    model: options.model ?? LOCAL_MODEL,
    dimension,
    maxBatch: 1024,
    embed: async (texts) => texts.map((text) => embedLocally(text, dimension)),
  };
}

/** The local embedding of one text, or an error when it has no words at all. */
export function embedLocally(text: string, dimension: number): EmbeddingResult {
  let terms = tokenize(text);
  // A text of stop words only ("what is it?") still deserves a vector.
  if (terms.length === 0)
    terms = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  if (terms.length === 0) return new EmbeddingInputError('the text has no words to embed');
  const vector = new Float32Array(dimension);
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    vector[hash % dimension]! += (hash & 0x80000000 ? -1 : 1) * weight;
  };
  terms.forEach((term, i) => {
    add(term, 1);
    if (i > 0) add(`${terms[i - 1]} ${term}`, BIGRAM_WEIGHT);
  });
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  // Colliding features of opposite sign can cancel to zero; fall back to a fixed direction.
  if (norm === 0) vector[0] = 1;
  else for (let i = 0; i < dimension; i += 1) vector[i]! /= norm;
  return vector;
}

/** 32-bit FNV-1a with a final avalanche so the top bit (the sign) is independent of the bucket. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/** Cosine similarity of two vectors of the same length. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
