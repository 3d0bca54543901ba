import { describe, expect, it } from 'vitest';
import { fuseByReciprocalRank, RRF_K } from './fusion.ts';

describe('fuseByReciprocalRank', () => {
  it('scores each item Σ 1/(k + rank) with ranks from 1', () => {
    const fused = fuseByReciprocalRank([['a', 'b'], ['b']], 60);
    const byId = new Map(fused.map((item) => [item.id, item]));
    expect(byId.get('a')?.score).toBeCloseTo(1 / 61, 12);
    expect(byId.get('b')?.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(byId.get('a')?.ranks).toEqual([1, null]);
    expect(byId.get('b')?.ranks).toEqual([2, 1]);
  });

  it('ranks an item present in both lists above items present in one, even their top items', () => {
    const vector = ['v1', 'v2', 'v3', 'both'];
    const lexical = ['l1', 'l2', 'l3', 'both'];
    const fused = fuseByReciprocalRank([vector, lexical]);
    expect(fused[0]?.id).toBe('both');
    expect(fused).toHaveLength(7);
  });

  it('uses k = 60 by default', () => {
    expect(RRF_K).toBe(60);
    expect(fuseByReciprocalRank([['x']])[0]?.score).toBeCloseTo(1 / 61, 12);
  });

  it('a smaller k weighs top ranks more', () => {
    // With k = 0, rank 1 in one list (1) beats ranks 3 and 3 in both (2/3); with k = 60 the reverse holds.
    const lists = [
      ['top', 'a', 'both'],
      ['b', 'c', 'both'],
    ];
    expect(fuseByReciprocalRank(lists, 0)[0]?.id).toBe('top');
    expect(fuseByReciprocalRank(lists, 60)[0]?.id).toBe('both');
  });

  it('breaks ties by first appearance and counts a repeated id at its best rank only', () => {
    const fused = fuseByReciprocalRank([
      ['a', 'b', 'a'],
      ['b', 'a'],
    ]);
    expect(fused.map((item) => item.id)).toEqual(['a', 'b']);
    expect(fused[0]?.score).toBeCloseTo(fused[1]?.score ?? 0, 12);
    expect(fused[0]?.ranks).toEqual([1, 2]);
  });

  it('handles no lists and empty lists, and rejects a negative k', () => {
    expect(fuseByReciprocalRank([])).toEqual([]);
    expect(fuseByReciprocalRank([[], []])).toEqual([]);
    expect(() => fuseByReciprocalRank([['a']], -1)).toThrow(RangeError);
  });
});
