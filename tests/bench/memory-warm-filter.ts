#!/usr/bin/env -S npx tsx
/**
 * `npm run bench:memory-warm [-- --chunks 5000 --queries 200 --dimension 768]`: the warm
 * index's vector side under a filter that admits few memories, as in the near-duplicate check of every chat
 * reply's `remember` (kind CONVERSATION, PRIVATE, the viewer's own) among `--chunks` ORG document chunks of
 * another author. Vectors come from the local embedder (the default provider) over the memory benchmark's
 * corpus.
 *
 * Three indexes hold the same memories: HNSW alone (`exactSearchLimit: 0`, how every search ran before the
 * exact path), the exact path forced (any number admitted, any share of the index), and the default. Each row
 * adds conversations until the viewer has `admitted` of them, then times `--queries` near-duplicate checks
 * (limit 5, no text) on each index, the three in every order in turn: p50 per check, and the default's p50
 * against HNSW alone (same process, same queries). "HNSW top-5 exact" is the share of checks where HNSW alone
 * found five as similar as the exact path's. The last two rows are filters that admit most of the index (the
 * chunks' own kind; no filter at all): the default keeps to HNSW there, and pays only for counting up to the
 * exact path's limit.
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { embedLocally } from '../../subgraphs/memory/src/embeddings/local-provider.ts';
import type { ViewerScope } from '../../subgraphs/memory/src/visibility.ts';
import { WarmIndex, type WarmEntry, type WarmQuery } from '../../subgraphs/memory/src/warm-index/index.ts';
import { generateCorpus } from './memory-corpus.ts';
import { flagChecks, percentile, table } from './report.ts';

const { values } = parseArgs({
  options: {
    chunks: { type: 'string', default: '5000' },
    queries: { type: 'string', default: '200' },
    dimension: { type: 'string', default: '768' },
  },
});
const { problems, wholeNumber } = flagChecks();
const CHUNKS = wholeNumber('chunks', values.chunks, 100, 1_000_000);
const QUERIES = wholeNumber('queries', values.queries, 1, 100_000);
const DIMENSION = wholeNumber('dimension', values.dimension, 8, 4_096);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

/** Conversations the viewer has at each row (cumulative). */
const ADMITTED = [20, 100, 300, 1_000, 2_000];
const WARM_UP = 20;
const LIMIT = 5;
const VIEWER: ViewerScope = { userId: 'u_viewer', teamId: 't_sales' };
const progress = (message: string) => console.error(`[bench:memory-warm-filter] ${message}`);

const vectorOf = (text: string): Float32Array => {
  const vector = embedLocally(text, DIMENSION);
  if (vector instanceof Error) throw vector;
  return vector;
};

const corpus = generateCorpus(CHUNKS + ADMITTED.at(-1)! + QUERIES + WARM_UP, 0, 1).map(
  (memory) => memory.content,
);
const chunkTexts = corpus.slice(0, CHUNKS);
const conversationTexts = corpus.slice(CHUNKS, CHUNKS + ADMITTED.at(-1)!);
const queryVectors = corpus.slice(CHUNKS + ADMITTED.at(-1)!).map(vectorOf);

const indexes = {
  hnsw: new WarmIndex({ dimension: DIMENSION, exactSearchLimit: 0 }),
  exact: new WarmIndex({
    dimension: DIMENSION,
    exactSearchLimit: Number.MAX_SAFE_INTEGER,
    exactSearchShare: 1,
  }),
  default: new WarmIndex({ dimension: DIMENSION }),
};
const upsert = (entry: WarmEntry) => Object.values(indexes).forEach((index) => index.upsert(entry));

const started = performance.now();
chunkTexts.forEach((text, i) =>
  upsert({
    id: `chunk-${i}`,
    vector: vectorOf(text),
    text,
    guard: { ownerId: 'u_author', visibility: 'ORG', teamId: null },
    kind: 'DOCUMENT_CHUNK',
    accountId: null,
  }),
);
progress(`${CHUNKS} chunks in three indexes in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const ORDERS = [
  ['hnsw', 'exact', 'default'],
  ['hnsw', 'default', 'exact'],
  ['exact', 'hnsw', 'default'],
  ['exact', 'default', 'hnsw'],
  ['default', 'hnsw', 'exact'],
  ['default', 'exact', 'hnsw'],
] as const;

/** Times every query on each index in turn (same queries, same order); p50 ms per index, and the answers. */
function measure(query: (vector: Float32Array) => WarmQuery) {
  const times = { hnsw: [] as number[], exact: [] as number[], default: [] as number[] };
  let hnswExact = 0;
  queryVectors.forEach((vector, q) => {
    const answers: Partial<Record<keyof typeof indexes, string>> = {};
    // Every order in turn: whichever runs right after the exact path finds caches it has just flushed.
    const names = ORDERS[q % ORDERS.length]!;
    for (const name of names) {
      const before = performance.now();
      const hits = indexes[name].search(query(vector));
      const elapsed = performance.now() - before;
      // Similarities, not ids: the local embedder gives many memories the same similarity, in any order.
      answers[name] = hits.map((hit) => hit.vectorSimilarity!.toFixed(5)).join();
      if (q >= WARM_UP) times[name].push(elapsed);
    }
    if (q >= WARM_UP && answers.hnsw === answers.exact) hnswExact += 1;
  });
  const p50 = (sample: number[]) =>
    percentile(
      sample.toSorted((a, b) => a - b),
      0.5,
    );
  return {
    hnsw: p50(times.hnsw),
    exact: p50(times.exact),
    default: p50(times.default),
    hnswExact: hnswExact / QUERIES,
  };
}

const rows: string[][] = [];
const row = (name: string, admitted: number, sample: ReturnType<typeof measure>) =>
  rows.push([
    name,
    String(admitted),
    String(indexes.default.size),
    sample.hnsw.toFixed(3),
    sample.exact.toFixed(3),
    sample.default.toFixed(3),
    `×${(sample.default / sample.hnsw).toPrecision(3)}`,
    `${(sample.hnswExact * 100).toFixed(0)}%`,
  ]);

const nearDuplicateCheck = (vector: Float32Array): WarmQuery => ({
  vector,
  text: '',
  scope: VIEWER,
  limit: LIMIT,
  filter: { kinds: ['CONVERSATION'], visibility: ['PRIVATE'], accountId: null },
});
let conversations = 0;
for (const admitted of ADMITTED) {
  for (; conversations < admitted; conversations++) {
    const text = conversationTexts[conversations]!;
    upsert({
      id: `conversation-${conversations}`,
      vector: vectorOf(text),
      text,
      guard: { ownerId: VIEWER.userId, visibility: 'PRIVATE', teamId: VIEWER.teamId },
      kind: 'CONVERSATION',
      accountId: null,
    });
  }
  progress(`near-duplicate checks with ${admitted} conversations`);
  row('remember: own CONVERSATION', admitted, measure(nearDuplicateCheck));
}

progress('filters that admit most of the index');
const chunksOnly = (vector: Float32Array): WarmQuery => ({
  vector,
  text: '',
  scope: VIEWER,
  limit: LIMIT,
  filter: { kinds: ['DOCUMENT_CHUNK'] },
});
row('search: DOCUMENT_CHUNK', CHUNKS, measure(chunksOnly));
const unfiltered = (vector: Float32Array): WarmQuery => ({ vector, text: '', scope: VIEWER, limit: LIMIT });
row('search: no filter', indexes.default.size, measure(unfiltered));

console.log(
  [
    '',
    `Warm index vector side, ${QUERIES} searches per row (limit ${LIMIT}, ${DIMENSION} dimensions, local embedder)`,
    table(
      [
        'query',
        'admitted',
        'index size',
        'HNSW alone p50 ms',
        'exact p50 ms',
        'default p50 ms',
        'default vs HNSW',
        'HNSW top-5 exact',
      ],
      rows,
    ),
    '',
    `${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} (a shared machine is noisy).`,
    '',
  ].join('\n'),
);
