import type { SqlDatabase, SqlRunner } from '@sophia/kit';
import type { Embedder } from './embeddings/embedder.ts';
import { assertStoredModel, type StoredModel } from './embeddings/stored-model.ts';

/** Memories embedded per batch, when filling missing vectors at start and when re-embedding. */
const BATCH = 256;

/** The text a memory is embedded by, in SQL (the same as `memoryText`). */
const MEMORY_TEXT_SQL = `coalesce(source_title || chr(10), '') || content`;

const MODEL_KEYS = ['embedding_model', 'embedding_dimension', 'embedding_reembed_pending'] as const;

/** What `sophia_meta` records of the model behind the stored vectors; undefined before the first start. */
async function readStoredModel(db: SqlRunner): Promise<StoredModel | undefined> {
  const rows = await db.query<{ key: string; value: string }>(
    `SELECT key, value FROM sophia_meta WHERE key IN (${MODEL_KEYS.map(() => '?').join(', ')})`,
    [...MODEL_KEYS],
  );
  const meta = new Map(rows.map((row) => [row.key, row.value]));
  const model = meta.get('embedding_model');
  const dimension = meta.get('embedding_dimension');
  if (model === undefined || dimension === undefined) return undefined;
  return { model, dimension: Number(dimension), reembedPendingTo: meta.get('embedding_reembed_pending') };
}

async function writeModelMeta(
  db: SqlDatabase,
  entries: Partial<Record<(typeof MODEL_KEYS)[number], string>>,
) {
  await db.transaction(async (tx) => {
    await tx.run(`DELETE FROM sophia_meta WHERE key IN (${MODEL_KEYS.map(() => '?').join(', ')})`, [
      ...MODEL_KEYS,
    ]);
    await tx.insertRows(
      'sophia_meta',
      Object.entries(entries).map(([key, value]) => ({ key, value })),
    );
  });
}

const recordModel = (db: SqlDatabase, embedder: Embedder) =>
  writeModelMeta(db, { embedding_model: embedder.model, embedding_dimension: String(embedder.dimension) });

/** Embeds `rows` and writes their vectors in one transaction; a text the model refuses fails the batch. */
async function embedRows(db: SqlDatabase, embedder: Embedder, rows: readonly { id: string; text: string }[]) {
  const vectors = await embedder.embedMany(rows.map((row) => row.text));
  await db.transaction(async (tx) => {
    for (const [i, row] of rows.entries()) {
      const vector = vectors[i];
      if (!(vector instanceof Float32Array)) {
        throw new Error(`Cannot embed memory ${row.id}: ${vector?.message ?? 'no result'}`);
      }
      await tx.run('UPDATE memories SET embedding = ?::FLOAT[] WHERE id = ?', [
        JSON.stringify(Array.from(vector)),
        row.id,
      ]);
    }
  });
}

/**
 * At start: refuses vectors another model made (see `assertStoredModel`), embeds every memory that has no
 * vector yet (the demo memories on first start) in batches, and records the model on first start.
 */
export async function prepareEmbeddings(db: SqlDatabase, embedder: Embedder): Promise<void> {
  const stored = await readStoredModel(db);
  if (stored !== undefined) assertStoredModel(stored, embedder.provider);
  for (;;) {
    const missing = await db.query<{ id: string; text: string }>(
      `SELECT id, ${MEMORY_TEXT_SQL} AS text FROM memories WHERE embedding IS NULL ORDER BY id LIMIT ?`,
      [BATCH],
    );
    if (missing.length === 0) break;
    await embedRows(db, embedder, missing);
  }
  if (stored === undefined) await recordModel(db, embedder);
}

/**
 * Re-embeds every memory with `embedder`'s model, in id order, and records that model. The store is marked
 * while it runs, so a re-embed cut off part-way is refused at start until it is run again to the end.
 * Returns the number of memories re-embedded.
 */
export async function reembedStore(
  db: SqlDatabase,
  embedder: Embedder,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const stored = await readStoredModel(db);
  const [count] = await db.query<{ total: number }>('SELECT count(*)::INTEGER AS total FROM memories');
  const total = count?.total ?? 0;
  await writeModelMeta(db, {
    ...(stored && {
      embedding_model: stored.model,
      embedding_dimension: String(stored.dimension),
    }),
    embedding_reembed_pending: embedder.model,
  });
  let done = 0;
  let after = '';
  for (;;) {
    const rows = await db.query<{ id: string; text: string }>(
      `SELECT id, ${MEMORY_TEXT_SQL} AS text FROM memories WHERE id > ? ORDER BY id LIMIT ?`,
      [after, BATCH],
    );
    if (rows.length === 0) break;
    await embedRows(db, embedder, rows);
    done += rows.length;
    after = rows[rows.length - 1]!.id;
    onProgress(done, total);
  }
  await recordModel(db, embedder);
  return done;
}
