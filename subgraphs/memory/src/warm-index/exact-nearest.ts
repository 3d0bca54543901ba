/** A memory's vector as the exact path reads it: a private copy and its Euclidean norm. */
export interface ExactVector {
  readonly id: string;
  readonly vector: Float32Array;
  readonly norm: number;
}

export interface Neighbours {
  /** Best first. */
  readonly ids: string[];
  /** Cosine similarity to the query, by id. */
  readonly similarity: Map<string, number>;
}

export function vectorNorm(vector: Float32Array): number {
  return Math.sqrt(dot(vector, vector));
}

/**
 * The `want` candidates most cosine-similar to `query`, best first, computed over every candidate: no
 * approximation, so a filter that leaves few memories finds the true nearest ones. Equal similarities keep the
 * candidates' order.
 */
export function rankExactly(
  query: Float32Array,
  candidates: readonly ExactVector[],
  want: number,
): Neighbours {
  const queryNorm = vectorNorm(query);
  const scored = candidates.map((candidate) => ({
    id: candidate.id,
    similarity: cosine(dot(query, candidate.vector), queryNorm, candidate.norm),
  }));
  scored.sort((a, b) => b.similarity - a.similarity);
  const best = scored.slice(0, want);
  return { ids: best.map((hit) => hit.id), similarity: new Map(best.map((hit) => [hit.id, hit.similarity])) };
}

/**
 * usearch's cosine, so both paths agree: a zero vector is 0-similar to any other vector and 1-similar to another
 * zero vector. Clamped to [-1, 1], which rounding can overstep for (anti)parallel vectors.
 */
function cosine(product: number, normA: number, normB: number): number {
  if (normA === 0 || normB === 0) return normA === normB ? 1 : 0;
  return Math.min(1, Math.max(-1, product / (normA * normB)));
}

/** Four running sums (independent additions the CPU can overlap), each in doubles: no precision lost to float32. */
function dot(a: Float32Array, b: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = a.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]! * b[i]!;
  return s0 + s1 + s2 + s3;
}
