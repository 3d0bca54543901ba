import { describe, expect, it } from 'vitest';
import { rankExactly, vectorNorm, type ExactVector } from './exact-nearest.ts';

const candidate = (id: string, values: number[]): ExactVector => {
  const vector = Float32Array.from(values);
  return { id, vector, norm: vectorNorm(vector) };
};

describe('rankExactly', () => {
  it('ranks every candidate by cosine similarity, best first, and keeps the best `want`', () => {
    const candidates = [
      candidate('opposite', [-1, 0, 0]),
      candidate('same-direction-longer', [5, 0, 0]),
      candidate('diagonal', [1, 1, 0]),
      candidate('orthogonal', [0, 0, 2]),
    ];
    const ranked = rankExactly(Float32Array.from([2, 0, 0]), candidates, 3);
    expect(ranked.ids).toEqual(['same-direction-longer', 'diagonal', 'orthogonal']);
    expect(ranked.similarity.get('same-direction-longer')).toBe(1);
    expect(ranked.similarity.get('diagonal')).toBeCloseTo(Math.SQRT1_2, 12);
    expect(ranked.similarity.get('orthogonal')).toBe(0);
    expect(ranked.similarity.has('opposite')).toBe(false);
  });

  it('keeps the candidates’ order among equal similarities, and sums in doubles over any length', () => {
    const ties = ['c', 'a', 'b'].map((id) => candidate(id, [0, 1, 0, 0, 0]));
    expect(rankExactly(Float32Array.from([0, 3, 0, 0, 0]), ties, 3).ids).toEqual(['c', 'a', 'b']);
    const long = Float32Array.from({ length: 771 }, (_, i) => (i % 7) - 3);
    const ranked = rankExactly(long, [{ id: 'self', vector: long, norm: vectorNorm(long) }], 1);
    expect(ranked.similarity.get('self')).toBeCloseTo(1, 12);
  });

  it('treats a zero vector as usearch does: 0 against any other, 1 against another zero', () => {
    const zero = new Float32Array(3);
    const candidates = [candidate('zero', [0, 0, 0]), candidate('x', [1, 0, 0])];
    expect(rankExactly(zero, candidates, 2).similarity).toEqual(
      new Map([
        ['zero', 1],
        ['x', 0],
      ]),
    );
    expect(rankExactly(Float32Array.from([1, 0, 0]), candidates, 2).ids).toEqual(['x', 'zero']);
  });
});
