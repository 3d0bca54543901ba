import { Index } from 'usearch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MemoryKind } from '../src/store.ts';
import type { Guarded, ViewerScope } from '../src/visibility.ts';
import { EXACT_SEARCH_LIMIT, WarmIndex, type WarmEntry } from '../src/warm-index/index.ts';

// The native usearch index: these run in the subgraph project. Vectors come from a seeded generator.
const DIM = 64;

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const randomVector = (next: () => number): Float32Array =>
  Float32Array.from({ length: DIM }, () => next() * 2 - 1);

/** `base` moved slightly in a random direction: still far closer to `base` than any random vector. */
const near = (base: Float32Array, next: () => number, amount = 0.05): Float32Array =>
  base.map((x) => x + (next() * 2 - 1) * amount);

/** A unit vector along one axis. */
const axis = (i: number): Float32Array => Float32Array.from({ length: DIM }, (_, j) => (j === i ? 1 : 0));

const FILLER = ['quarterly', 'pipeline', 'meeting', 'forecast', 'hiring', 'budget', 'roadmap', 'travel'];

const ORG: Guarded = { ownerId: 'u-owner', visibility: 'ORG', teamId: 't-sales' };
const ALICE: ViewerScope = { userId: 'u-alice', teamId: 't-sales' };
const BOB: ViewerScope = { userId: 'u-bob', teamId: 't-eng' };

function entry(
  id: string,
  vector: Float32Array,
  text: string,
  overrides: Partial<WarmEntry> = {},
): WarmEntry {
  return { id, vector, text, guard: ORG, kind: 'NOTE', accountId: null, ...overrides };
}

/** `count` random ORG memories with filler text. */
function randomCorpus(index: WarmIndex, count: number, next: () => number, prefix = 'r'): void {
  for (let i = 0; i < count; i++) {
    const words = [0, 1, 2].map(() => FILLER[Math.floor(next() * FILLER.length)]).join(' ');
    index.upsert(entry(`${prefix}-${i}`, randomVector(next), `${words} note ${i}`));
  }
}

describe('WarmIndex', () => {
  it('finds a planted vector top-1 among 2,000 random ones', () => {
    const next = generator(1);
    const index = new WarmIndex({ dimension: DIM });
    randomCorpus(index, 1_000, next);
    const planted = randomVector(next);
    index.upsert(entry('planted', planted, 'nothing in common'));
    randomCorpus(index, 1_000, next, 's');
    expect(index.size).toBe(2_001);

    const hits = index.search({ vector: near(planted, next), text: '', scope: ALICE, limit: 5 });
    expect(hits[0]).toMatchObject({ id: 'planted', vectorRank: 1 });
    expect(hits[0]?.vectorSimilarity).toBeGreaterThan(0.99);
    expect(hits).toHaveLength(5);
  });

  it('finds a lexical-only match, with and without a query vector', () => {
    const next = generator(2);
    const index = new WarmIndex({ dimension: DIM });
    randomCorpus(index, 500, next);
    index.upsert(entry('contract', randomVector(next), 'Acme renewal contracts signed in Zanzibar'));

    const textOnly = index.search({ vector: null, text: 'zanzibar', scope: ALICE, limit: 3 });
    expect(textOnly).toEqual([{ id: 'contract', score: 1 / 61, lexicalRank: 1 }]);

    // The project's tokenizer on both sides: "contract" finds "contracts", "renewals" finds "renewal".
    const hybrid = index.search({
      vector: randomVector(next),
      text: 'renewals contract',
      scope: ALICE,
      limit: 10,
    });
    expect(hybrid.find((hit) => hit.id === 'contract')).toMatchObject({ lexicalRank: 1 });
  });

  it('ranks a memory found by both sides above those found by one', () => {
    const index = new WarmIndex({ dimension: DIM });
    index.upsert(entry('vector-best', axis(0), 'unrelated words entirely'));
    index.upsert(entry('both', near(axis(0), generator(3), 0.3), 'renewal terms for acme'));
    // Pointing away from the query: the vector side ranks it last. (Orthogonal, it would tie with the 30
    // others at similarity 0, and which of those fill the vector side's oversampled ranks is arbitrary.)
    const awayFromQuery = axis(0).map((x) => -x);
    index.upsert(entry('lexical-best', awayFromQuery, 'renewal renewal acme renewal terms acme'));
    for (let i = 10; i < 40; i++) index.upsert(entry(`other-${i}`, axis(i), `filler ${FILLER[i % 8]}`));

    const hits = index.search({ vector: axis(0), text: 'acme renewal', scope: ALICE, limit: 3 });
    expect(hits.map((hit) => hit.id)).toEqual([
      'both',
      expect.stringMatching(/-best$/),
      expect.stringMatching(/-best$/),
    ]);
    expect(hits[0]).toMatchObject({ vectorRank: 2, lexicalRank: 2 });
    expect(hits[0]?.score).toBeCloseTo(2 / 62, 12);
  });

  it('never returns another user’s PRIVATE memory, and TEAM memories only to that team', () => {
    const next = generator(4);
    const index = new WarmIndex({ dimension: DIM });
    const target = randomVector(next);
    const guards: Record<string, Guarded> = {
      'bob-private': { ownerId: 'u-bob', visibility: 'PRIVATE', teamId: 't-eng' },
      'alice-private': { ownerId: 'u-alice', visibility: 'PRIVATE', teamId: 't-sales' },
      'eng-team': { ownerId: 'u-carol', visibility: 'TEAM', teamId: 't-eng' },
      'sales-team': { ownerId: 'u-dave', visibility: 'TEAM', teamId: 't-sales' },
      'no-team': { ownerId: 'u-erin', visibility: 'TEAM', teamId: null },
      org: { ownerId: 'u-frank', visibility: 'ORG', teamId: null },
    };
    // Every guarded memory is the best possible match on both sides.
    for (const [id, guard] of Object.entries(guards)) {
      index.upsert(entry(id, near(target, next, 0.01), 'secret acquisition plan', { guard }));
    }
    randomCorpus(index, 300, next);

    const seen = (scope: ViewerScope): string[] =>
      index
        .search({ vector: target, text: 'secret acquisition', scope, limit: 50 })
        .map((hit) => hit.id)
        .filter((id) => id in guards)
        .sort();
    expect(seen(ALICE)).toEqual(['alice-private', 'org', 'sales-team']);
    expect(seen(BOB)).toEqual(['bob-private', 'eng-team', 'org']);
    expect(seen({ userId: 'u-nobody', teamId: null })).toEqual(['org']);
    expect(seen({ userId: 'u-erin', teamId: null })).toEqual(['no-team', 'org']);
  });

  it.each([
    { path: 'HNSW alone', exactSearchLimit: 0 },
    // The 5 memories Alice may see are few enough to rank exactly.
    { path: 'by default', exactSearchLimit: EXACT_SEARCH_LIMIT },
  ])('oversamples further when the filter removes the nearest neighbours ($path)', ({ exactSearchLimit }) => {
    const next = generator(5);
    const index = new WarmIndex({ dimension: DIM, exactSearchLimit });
    const target = randomVector(next);
    // 600 private memories of Bob crowd every neighbour slot Alice's first request would look at.
    for (let i = 0; i < 600; i++) {
      const guard: Guarded = { ownerId: 'u-bob', visibility: 'PRIVATE', teamId: 't-eng' };
      index.upsert(entry(`bob-${i}`, near(target, next, 0.1), 'private', { guard }));
    }
    for (let i = 0; i < 5; i++) index.upsert(entry(`org-${i}`, randomVector(next), 'shared'));

    const hits = index.search({ vector: target, text: '', scope: ALICE, limit: 5 });
    expect(hits.map((hit) => hit.id).sort()).toEqual(['org-0', 'org-1', 'org-2', 'org-3', 'org-4']);
    expect(hits.map((hit) => hit.vectorRank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('removes from both indexes, and a re-upsert of the same id replaces it', () => {
    const next = generator(6);
    const index = new WarmIndex({ dimension: DIM });
    randomCorpus(index, 200, next);
    const first = randomVector(next);
    index.upsert(entry('m', first, 'zebra migration'));
    expect(index.has('m')).toBe(true);
    expect(index.size).toBe(201);

    expect(index.remove('m')).toBe(true);
    expect(index.remove('m')).toBe(false);
    expect(index.has('m')).toBe(false);
    expect(index.size).toBe(200);
    const afterRemove = index.search({ vector: first, text: 'zebra migration', scope: ALICE, limit: 200 });
    expect(afterRemove.map((hit) => hit.id)).not.toContain('m');
    expect(afterRemove.every((hit) => hit.lexicalRank === undefined)).toBe(true);

    index.upsert(entry('m', first, 'zebra migration'));
    const second = randomVector(next);
    index.upsert(entry('m', second, 'penguin colony', { kind: 'FACT' }));
    expect(index.size).toBe(201);
    expect(index.search({ vector: null, text: 'zebra', scope: ALICE, limit: 5 })).toEqual([]);
    expect(index.search({ vector: null, text: 'penguin', scope: ALICE, limit: 5 })[0]?.id).toBe('m');
    const byVector = index.search({ vector: second, text: '', scope: ALICE, limit: 1 });
    expect(byVector[0]).toMatchObject({ id: 'm', vectorRank: 1 });
    const byOldVector = index.search({ vector: first, text: '', scope: ALICE, limit: 3 });
    expect(byOldVector.map((hit) => hit.id)).not.toContain('m');
  });

  it('filters by kind, account and visibility', () => {
    const next = generator(7);
    const index = new WarmIndex({ dimension: DIM });
    const target = randomVector(next);
    const kinds: MemoryKind[] = ['NOTE', 'DOCUMENT_CHUNK', 'CONVERSATION', 'FACT'];
    for (let i = 0; i < 200; i++) {
      const kind = kinds[i % 4] as MemoryKind;
      const accountId = i % 5 === 0 ? 'acc-acme' : i % 5 === 1 ? 'acc-globex' : null;
      const guard: Guarded =
        i % 3 === 0 ? { ownerId: 'u-alice', visibility: 'PRIVATE', teamId: 't-sales' } : ORG;
      index.upsert(
        entry(`m-${i}`, near(target, next, 1), 'account renewal note', { kind, accountId, guard }),
      );
    }
    const find = (filter: Parameters<WarmIndex['search']>[0]['filter']) =>
      index.search({
        vector: target,
        text: 'renewal',
        scope: ALICE,
        limit: 20,
        ...(filter ? { filter } : {}),
      });

    const facts = find({ kinds: ['FACT'] });
    expect(facts).toHaveLength(20);
    expect(facts.every((hit) => Number(hit.id.slice(2)) % 4 === 3)).toBe(true);

    const acme = find({ accountId: 'acc-acme', kinds: ['NOTE', 'FACT'] });
    // i % 5 = 0 and i % 4 ∈ {0, 3}: 20 of 200.
    expect(acme).toHaveLength(20);
    expect(acme.every((hit) => Number(hit.id.slice(2)) % 5 === 0)).toBe(true);

    const privateOnly = find({ visibility: ['PRIVATE'] });
    expect(privateOnly).toHaveLength(20);
    expect(privateOnly.every((hit) => Number(hit.id.slice(2)) % 3 === 0)).toBe(true);

    expect(find({ accountId: 'acc-nobody' })).toEqual([]);
  });

  it('rejects a vector of the wrong dimension and a bad limit', () => {
    const index = new WarmIndex({ dimension: DIM });
    expect(() => index.upsert(entry('x', new Float32Array(DIM + 1), 'x'))).toThrow(RangeError);
    expect(index.has('x')).toBe(false);
    expect(() => index.search({ vector: new Float32Array(3), text: '', scope: ALICE, limit: 1 })).toThrow(
      RangeError,
    );
    expect(() => index.search({ vector: null, text: 'x', scope: ALICE, limit: 0 })).toThrow(RangeError);
    expect(index.search({ vector: axis(0), text: 'anything', scope: ALICE, limit: 3 })).toEqual([]);
  });

  describe('a filter that admits few memories', () => {
    afterEach(() => vi.restoreAllMocks());

    const ALICE_PRIVATE: Guarded = { ownerId: 'u-alice', visibility: 'PRIVATE', teamId: 't-sales' };
    const BOB_PRIVATE: Guarded = { ownerId: 'u-bob', visibility: 'PRIVATE', teamId: 't-eng' };
    const CONVERSATIONS = {
      kinds: ['CONVERSATION' as const],
      visibility: ['PRIVATE' as const],
      accountId: null,
    };

    const cosine = (a: Float32Array, b: Float32Array): number => {
      let dot = 0;
      let normA = 0;
      let normB = 0;
      for (let i = 0; i < a.length; i++) {
        dot += a[i]! * b[i]!;
        normA += a[i]! * a[i]!;
        normB += b[i]! * b[i]!;
      }
      return dot / Math.sqrt(normA * normB);
    };

    /**
     * 3,000 ORG document chunks, every one nearer the target than any conversation, then 30 conversations of
     * Alice's and 30 of Bob's (both PRIVATE) at graded distances from it.
     */
    function crowdedIndex(options: { exactSearchLimit?: number } = {}) {
      const next = generator(9);
      const index = new WarmIndex({ dimension: DIM, ...options });
      const target = randomVector(next);
      for (let i = 0; i < 3_000; i++) {
        index.upsert(entry(`chunk-${i}`, near(target, next, 0.05), 'chunk', { kind: 'DOCUMENT_CHUNK' }));
      }
      const alice = new Map<string, Float32Array>();
      for (let i = 0; i < 30; i++) {
        const vector = near(target, next, 0.2 + i * 0.05);
        alice.set(`alice-${i}`, vector);
        index.upsert(entry(`alice-${i}`, vector, 'exchange', { kind: 'CONVERSATION', guard: ALICE_PRIVATE }));
        const bobs = near(target, next, 0.2 + i * 0.05);
        index.upsert(entry(`bob-${i}`, bobs, 'exchange', { kind: 'CONVERSATION', guard: BOB_PRIVATE }));
      }
      return { index, target, alice };
    }

    it('ranks exactly the nearest admitted memories among thousands of others, without asking HNSW', () => {
      const { index, target, alice } = crowdedIndex();
      const hnsw = vi.spyOn(Index.prototype, 'search');

      const hits = index.search({ vector: target, text: '', scope: ALICE, limit: 5, filter: CONVERSATIONS });

      const truth = [...alice]
        .map(([id, vector]) => ({ id, similarity: cosine(target, vector) }))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, 5);
      expect(hits.map((hit) => hit.id)).toEqual(truth.map((best) => best.id));
      expect(hits.map((hit) => hit.vectorRank)).toEqual([1, 2, 3, 4, 5]);
      hits.forEach((hit, i) => expect(hit.vectorSimilarity).toBeCloseTo(truth[i]!.similarity, 6));
      expect(hnsw).not.toHaveBeenCalled();

      // Unfiltered, Alice may see 3,030 memories: more than the exact path takes, so HNSW answers.
      const unfiltered = index.search({ vector: target, text: '', scope: ALICE, limit: 5 });
      expect(hnsw).toHaveBeenCalledTimes(1);
      expect(unfiltered.every((hit) => hit.id.startsWith('chunk-'))).toBe(true);
    });

    it('asks HNSW once the filter admits more than exactSearchLimit, with the same answer', () => {
      const { index: exactly, target } = crowdedIndex({ exactSearchLimit: 30 });
      const { index: approximately } = crowdedIndex({ exactSearchLimit: 29 });
      const hnsw = vi.spyOn(Index.prototype, 'search');
      const query = { vector: target, text: '', scope: ALICE, limit: 5, filter: CONVERSATIONS };

      const exact = exactly.search(query);
      expect(hnsw).not.toHaveBeenCalled();
      const approximate = approximately.search(query);
      expect(hnsw).toHaveBeenCalled();
      // HNSW grows k over the crowding chunks until it reaches Alice's conversations: the same five.
      expect(approximate.map((hit) => hit.id)).toEqual(exact.map((hit) => hit.id));
      approximate.forEach((hit, i) =>
        expect(hit.vectorSimilarity).toBeCloseTo(exact[i]!.vectorSimilarity!, 5),
      );
    });

    it('asks HNSW when the filter admits more than exactSearchShare of the index', () => {
      const next = generator(10);
      const build = (exactSearchShare: number) => {
        const index = new WarmIndex({ dimension: DIM, exactSearchShare });
        randomCorpus(index, 100, generator(11));
        for (let i = 0; i < 30; i++) {
          const guard = ALICE_PRIVATE;
          index.upsert(entry(`alice-${i}`, randomVector(next), 'exchange', { kind: 'CONVERSATION', guard }));
        }
        return index;
      };
      const query = { vector: randomVector(next), text: '', scope: ALICE, limit: 5, filter: CONVERSATIONS };
      const hnsw = vi.spyOn(Index.prototype, 'search');
      // 30 of 130 memories: within a quarter of the index (32), beyond a fifth (26).
      build(0.25).search(query);
      expect(hnsw).not.toHaveBeenCalled();
      build(0.2).search(query);
      expect(hnsw).toHaveBeenCalled();
    });

    it('follows removals and kind changes', () => {
      const { index, target, alice } = crowdedIndex();
      const query = { vector: target, text: '', scope: ALICE, limit: 30, filter: CONVERSATIONS };
      expect(index.search(query)).toHaveLength(30);
      index.remove('alice-0');
      index.upsert(
        entry('alice-1', alice.get('alice-1')!, 'exchange', { kind: 'FACT', guard: ALICE_PRIVATE }),
      );
      index.upsert(entry('chunk-0', target, 'exchange', { kind: 'CONVERSATION', guard: ALICE_PRIVATE }));
      const ids = index.search(query).map((hit) => hit.id);
      expect(ids).toHaveLength(29);
      expect(ids[0]).toBe('chunk-0');
      expect(ids).not.toContain('alice-0');
      expect(ids).not.toContain('alice-1');
    });
  });
});
