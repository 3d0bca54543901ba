/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): an item's fused score is
 * `Σ 1 / (k + rank)` over every list it appears in, ranks counted from 1. Only ranks matter, never the
 * lists' own scores, so a cosine distance and a BM25 score can be fused without calibrating one to the other.
 * `k` damps the weight of the very top ranks; 60 is the value of the original paper and the usual default.
 */
export const RRF_K = 60;

/** One fused item: its score and its 1-based rank in each input list it appears in (`null` where absent). */
export interface FusedItem<Id> {
  readonly id: Id;
  readonly score: number;
  readonly ranks: readonly (number | null)[];
}

/**
 * Fuses ranked lists of ids, best first in each. A repeated id inside one list counts at its best rank only.
 * The result is sorted by fused score, descending; ties keep the order in which ids were first met (list by
 * list, rank by rank), so the outcome is deterministic.
 */
export function fuseByReciprocalRank<Id>(
  lists: readonly (readonly Id[])[],
  k: number = RRF_K,
): FusedItem<Id>[] {
  if (!Number.isFinite(k) || k < 0) throw new RangeError(`RRF k must be a finite number ≥ 0, got ${k}.`);
  const fused = new Map<Id, { score: number; ranks: (number | null)[]; order: number }>();
  lists.forEach((list, listIndex) => {
    list.forEach((id, position) => {
      let item = fused.get(id);
      if (item === undefined) {
        item = { score: 0, ranks: lists.map(() => null), order: fused.size };
        fused.set(id, item);
      }
      if (item.ranks[listIndex] !== null) return;
      const rank = position + 1;
      item.ranks[listIndex] = rank;
      item.score += 1 / (k + rank);
    });
  });
  return [...fused.entries()]
    .sort(([, a], [, b]) => b.score - a.score || a.order - b.order)
    .map(([id, { score, ranks }]) => ({ id, score, ranks }));
}
