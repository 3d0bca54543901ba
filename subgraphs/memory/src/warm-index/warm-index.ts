import MiniSearch from 'minisearch';
import { Index, MetricKind, ScalarKind } from 'usearch';
import type { MemoryKind } from '../store.ts';
import { tokenize } from '../tokenize.ts';
import { canSee, type Guarded, type ViewerScope, type Visibility } from '../visibility.ts';
import { rankExactly, vectorNorm, type ExactVector, type Neighbours } from './exact-nearest.ts';
import { fuseByReciprocalRank, RRF_K } from './fusion.ts';

/**
 * L2, the warm index (DESIGN §6): an in-process usearch HNSW index (cosine) over the vectors of hot and warm
 * memories and a MiniSearch index over their text, side by side. A search asks both, keeps only what the
 * viewer may see (the one rule, `canSee`) and what the filter asks for, and fuses the two rankings by
 * reciprocal rank (k = {@link RRF_K}). It holds no content beyond the index itself: the caller maps ids back to
 * rows.
 *
 * Visibility and filter are applied to each side BEFORE fusion, so ranks are counted among the memories the
 * viewer can see: a memory they cannot see never shows, and never moves the score of one they can. The lexical
 * side filters inside MiniSearch (it scores every match anyway). The vector side first counts what the filter
 * admits (only among the asked-for kinds, through a per-kind map): when that is few (`exactSearchLimit`, and
 * `exactSearchShare` of the index), it ranks exactly those by cosine: one user's conversations among thousands
 * of document chunks need no HNSW search at all. Otherwise it asks HNSW for `limit × oversample` neighbours,
 * growing ×4 while the filter leaves too few, so a filter never starves the results.
 */

/** One memory as the warm index holds it. */
export interface WarmEntry {
  readonly id: string;
  readonly vector: Float32Array;
  readonly text: string;
  readonly guard: Guarded;
  readonly kind: MemoryKind;
  readonly accountId: string | null;
}

export interface WarmFilter {
  readonly kinds?: readonly MemoryKind[] | null;
  readonly accountId?: string | null;
  readonly visibility?: readonly Visibility[] | null;
}

export interface WarmQuery {
  /** The query's embedding; `null` searches the lexical side only. */
  readonly vector: Float32Array | null;
  /** The query's text; blank (or only stop words) searches the vector side only. */
  readonly text: string;
  readonly scope: ViewerScope;
  readonly filter?: WarmFilter;
  readonly limit: number;
}

export interface WarmHit {
  readonly id: string;
  /** The reciprocal-rank-fusion score: Σ 1/(k + rank) over the sides that found it. */
  readonly score: number;
  /** 1-based rank among the visible vector neighbours, when the vector side found it. */
  readonly vectorRank?: number;
  /** 1-based rank among the visible lexical matches, when the lexical side found it. */
  readonly lexicalRank?: number;
  /** Cosine similarity to the query vector (1 − cosine distance), when the vector side found it. */
  readonly vectorSimilarity?: number;
}

export interface WarmIndexOptions {
  /** Vector dimension; every vector given must have exactly this many floats. */
  readonly dimension: number;
  /** HNSW graph degree (usearch `connectivity`). */
  readonly connectivity?: number;
  /** Candidate list size while inserting (usearch `expansion_add`). */
  readonly expansionAdd?: number;
  /** Candidate list size while searching (usearch `expansion_search`). */
  readonly expansionSearch?: number;
  /** Each side first fetches `limit × oversample` candidates. */
  readonly oversample?: number;
  /**
   * A vector search whose filter admits at most this many memories ranks them exactly instead of asking HNSW;
   * 0 turns the exact path off and keeps no vector copies. See {@link EXACT_SEARCH_LIMIT} for how it was chosen.
   * @default EXACT_SEARCH_LIMIT
   */
  readonly exactSearchLimit?: number;
  /**
   * …and at most this share of the whole index. When more pass the filter, HNSW's first or second pass (`limit
   * × oversample`, then 4 times as many neighbours) usually finds enough, for less than ranking them all.
   * @default 0.25
   */
  readonly exactSearchShare?: number;
}

/**
 * The most memories the exact path ranks. Measured with `npx tsx tests/bench/memory-warm-filter.ts` (768
 * dimensions, local embedder, two shared cores): ranking exactly costs about 1.5 µs per admitted memory (1.6 ms
 * for 1,000, 3.3 ms for 2,000), while HNSW alone took 4–13 ms for a filter admitting 20 to 1,000 memories
 * beside 5,000 document chunks (12–82 ms for 20 beside 5,000–20,000); the two meet near 2,000 admitted of
 * 7,000. At 1,000 the exact path stays under about 2 ms, `exactSearchShare` leaves to HNSW the filters it
 * answers in one or two passes, and a search that goes to HNSW pays about 20 µs for the count (1–4%).
 */
export const EXACT_SEARCH_LIMIT = 1_000;

/**
 * What the index keeps per memory besides the indexes themselves. The vector copy is what the exact path ranks
 * (usearch's JavaScript API cannot hand a vector back by key): 4 × dimension bytes per memory, 3 KiB at 768
 * dimensions, about 300 MiB for 100,000 memories, as much again as usearch holds. With the exact path off
 * (`exactSearchLimit` or `exactSearchShare` 0) it keeps none: `vector` is then empty.
 */
interface Meta extends ExactVector {
  readonly key: bigint;
  readonly guard: Guarded;
  readonly kind: MemoryKind;
  readonly accountId: string | null;
}

const NO_VECTOR = new Float32Array(0);

interface LexicalDoc {
  readonly id: string;
  readonly text: string;
}

const GROWTH = 4;

export class WarmIndex {
  readonly dimension: number;
  readonly #oversample: number;
  readonly #exactSearchLimit: number;
  readonly #exactSearchShare: number;
  readonly #vectors: Index;
  readonly #lexical: MiniSearch<LexicalDoc>;
  readonly #meta = new Map<string, Meta>();
  // The same entries by kind: a kinds filter (every near-duplicate check has one) counts only its own kinds.
  readonly #metaByKind = new Map<MemoryKind, Map<string, Meta>>();
  readonly #metaByKey = new Map<bigint, Meta>();
  // A fresh usearch key per upsert: usearch refuses a key twice, and a removed key is never reused.
  #nextKey = 1n;

  constructor(options: WarmIndexOptions) {
    const {
      dimension,
      connectivity = 16,
      expansionAdd = 128,
      expansionSearch = 128,
      oversample = 4,
      exactSearchLimit = EXACT_SEARCH_LIMIT,
      exactSearchShare = 1 / GROWTH,
    } = options;
    if (!Number.isInteger(dimension) || dimension <= 0) {
      throw new RangeError(`The warm index needs a positive integer dimension, got ${dimension}.`);
    }
    if (!Number.isInteger(oversample) || oversample < 1) {
      throw new RangeError(`oversample must be an integer ≥ 1, got ${oversample}.`);
    }
    if (!Number.isInteger(exactSearchLimit) || exactSearchLimit < 0) {
      throw new RangeError(`exactSearchLimit must be an integer ≥ 0, got ${exactSearchLimit}.`);
    }
    if (!(exactSearchShare >= 0 && exactSearchShare <= 1)) {
      throw new RangeError(`exactSearchShare must be from 0 to 1, got ${exactSearchShare}.`);
    }
    this.dimension = dimension;
    this.#oversample = oversample;
    this.#exactSearchLimit = exactSearchLimit;
    this.#exactSearchShare = exactSearchShare;
    this.#vectors = new Index({
      dimensions: dimension,
      metric: MetricKind.Cos,
      quantization: ScalarKind.F32,
      connectivity,
      expansion_add: expansionAdd,
      expansion_search: expansionSearch,
      multi: false,
    });
    // The project's one tokenizer on both sides; its terms are final, so MiniSearch must not process them.
    const termOptions = { tokenize: (text: string) => tokenize(text), processTerm: (term: string) => term };
    this.#lexical = new MiniSearch<LexicalDoc>({
      fields: ['text'],
      idField: 'id',
      ...termOptions,
      searchOptions: { ...termOptions, combineWith: 'OR' },
    });
  }

  get size(): number {
    return this.#meta.size;
  }

  /** An indexed memory's guard, kind and account (what duplicate merging compares); undefined when absent. */
  describe(id: string): Pick<WarmEntry, 'guard' | 'kind' | 'accountId'> | undefined {
    return this.#meta.get(id);
  }

  has(id: string): boolean {
    return this.#meta.has(id);
  }

  /** Adds a memory, or replaces the one with the same id (vector, text and guard all replaced). */
  upsert(entry: WarmEntry): void {
    this.#checkVector(entry.vector, `memory ${entry.id}`);
    this.remove(entry.id);
    const key = this.#nextKey++;
    this.#vectors.add(key, entry.vector);
    try {
      this.#lexical.add({ id: entry.id, text: entry.text });
    } catch (error) {
      this.#vectors.remove(key);
      throw error;
    }
    // A copy: the caller's array may be a view over a larger buffer, or be reused.
    const exact = this.#exactSearchLimit > 0 && this.#exactSearchShare > 0;
    const vector = exact ? entry.vector.slice() : NO_VECTOR;
    const meta: Meta = {
      id: entry.id,
      key,
      vector,
      norm: vectorNorm(vector),
      guard: entry.guard,
      kind: entry.kind,
      accountId: entry.accountId,
    };
    this.#meta.set(entry.id, meta);
    this.#kindMap(entry.kind).set(entry.id, meta);
    this.#metaByKey.set(key, meta);
  }

  /**
   * Removes a memory from both indexes; `false` when it was not there. MiniSearch's `discard` takes it out of
   * every search at once and reclaims its postings in a later vacuum.
   */
  remove(id: string): boolean {
    const meta = this.#meta.get(id);
    if (meta === undefined) return false;
    this.#vectors.remove(meta.key);
    this.#lexical.discard(id);
    this.#metaByKey.delete(meta.key);
    this.#meta.delete(id);
    this.#kindMap(meta.kind).delete(id);
    return true;
  }

  search(query: WarmQuery): WarmHit[] {
    const { scope, filter, limit } = query;
    if (!Number.isInteger(limit) || limit <= 0) {
      throw new RangeError(`limit must be a positive integer, got ${limit}.`);
    }
    if (query.vector !== null) this.#checkVector(query.vector, 'the query');
    const admits = (meta: Meta): boolean => canSee(scope, meta.guard) && matchesFilter(meta, filter);
    const want = limit * this.#oversample;
    const vector: Neighbours =
      query.vector === null
        ? { ids: [], similarity: new Map<string, number>() }
        : this.#nearest(query.vector, want, filter?.kinds, admits);
    const lexical = this.#lexicalMatches(query.text, want, admits);

    // Lexical first: fusion breaks ties by list order, and of two memories at equal rank, the one containing
    // the query's words is the better answer (HNSW is approximate and may miss the true nearest vector).
    return fuseByReciprocalRank([lexical, vector.ids], RRF_K)
      .slice(0, limit)
      .map(({ id, score, ranks: [lexicalRank, vectorRank] }) => {
        const similarity = vector.similarity.get(id);
        return {
          id,
          score,
          ...(vectorRank != null ? { vectorRank } : {}),
          ...(lexicalRank != null ? { lexicalRank } : {}),
          ...(similarity !== undefined ? { vectorSimilarity: similarity } : {}),
        };
      });
  }

  /**
   * Every memory the filter admits when they are few (`exactSearchLimit`, `exactSearchShare`), else undefined.
   * Stops counting at the first one past that, so a filter that admits most of the index costs little here.
   */
  #fewAdmitted(
    kinds: readonly MemoryKind[] | null | undefined,
    admits: (meta: Meta) => boolean,
  ): Meta[] | undefined {
    const limit = Math.min(this.#exactSearchLimit, Math.floor(this.#meta.size * this.#exactSearchShare));
    if (limit === 0) return undefined;
    const pools =
      kinds == null ? [this.#meta] : [...new Set(kinds)].flatMap((kind) => this.#metaByKind.get(kind) ?? []);
    const admitted: Meta[] = [];
    for (const pool of pools) {
      for (const meta of pool.values()) {
        if (!admits(meta)) continue;
        if (admitted.length === limit) return undefined;
        admitted.push(meta);
      }
    }
    return admitted;
  }

  /**
   * The `want` nearest admitted neighbours, best first: ranked exactly when the filter admits few, else asking
   * usearch for more until enough pass.
   */
  #nearest(
    vector: Float32Array,
    want: number,
    kinds: readonly MemoryKind[] | null | undefined,
    admits: (meta: Meta) => boolean,
  ): Neighbours {
    const few = this.#fewAdmitted(kinds, admits);
    if (few !== undefined) return rankExactly(vector, few, want);
    const ids: string[] = [];
    const similarity = new Map<string, number>();
    const total = this.#vectors.size();
    if (total === 0) return { ids, similarity };
    let k = Math.min(want, total);
    for (;;) {
      ids.length = 0;
      similarity.clear();
      const matches = this.#vectors.search(vector, k, 0);
      for (let i = 0; i < matches.keys.length && ids.length < want; i++) {
        const meta = this.#metaByKey.get(matches.keys[i] as bigint);
        if (meta === undefined || !admits(meta)) continue;
        ids.push(meta.id);
        similarity.set(meta.id, 1 - (matches.distances[i] as number));
      }
      if (ids.length >= want || matches.keys.length < k || k >= total) return { ids, similarity };
      k = Math.min(k * GROWTH, total);
    }
  }

  #kindMap(kind: MemoryKind): Map<string, Meta> {
    let pool = this.#metaByKind.get(kind);
    if (pool === undefined) {
      pool = new Map();
      this.#metaByKind.set(kind, pool);
    }
    return pool;
  }

  #lexicalMatches(text: string, want: number, admits: (meta: Meta) => boolean): string[] {
    if (text.trim() === '') return [];
    const admitsId = (id: string) => {
      const meta = this.#meta.get(id);
      return meta !== undefined && admits(meta);
    };
    return this.#lexical
      .search(text, { filter: (result) => admitsId(result.id as string) })
      .slice(0, want)
      .map((result) => result.id as string);
  }

  #checkVector(vector: Float32Array, what: string): void {
    if (vector.length !== this.dimension) {
      throw new RangeError(
        `The vector of ${what} has ${vector.length} dimensions; the warm index holds ${this.dimension}.`,
      );
    }
  }
}

function matchesFilter(meta: Meta, filter: WarmFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (filter.kinds != null && !filter.kinds.includes(meta.kind)) return false;
  if (filter.accountId != null && meta.accountId !== filter.accountId) return false;
  if (filter.visibility != null && !filter.visibility.includes(meta.guard.visibility)) return false;
  return true;
}
