import type { SqlDatabase, SqlRunner } from '@sophia/kit';
import type { Embedder } from './embeddings/embedder.ts';
import { assertStoredModel, type StoredModel } from './embeddings/stored-model.ts';
import { reindexRows, staleRows, type TextRow } from './store/reindex.ts';

/** Memories embedded per batch, when filling missing vectors at start and when re-embedding. */
const BATCH = 256;

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

/**
 * Re-embeds and re-indexes every stale memory (see `staleRows`: no vector yet, or text changed since it was
 * indexed), in batches, and returns the ids written. Run at start and by change capture.
 */
export async function reindexStale(db: SqlDatabase, embedder: Embedder): Promise<string[]> {
  const written: string[] = [];
  for (let after = ''; ;) {
    const stale = await staleRows(db, after, BATCH);
    if (stale.length === 0) return written;
    written.push(...(await reindexRows(db, embedder, stale)));
    after = stale[stale.length - 1]!.id;
  }
}

/**
 * At start: refuses vectors another model made (see `assertStoredModel`), embeds every memory that has no
 * vector yet (the demo memories on first start) or whose text changed while the service was not watching,
 * and records the model on first start.
 */
export async function prepareEmbeddings(db: SqlDatabase, embedder: Embedder): Promise<void> {
  const stored = await readStoredModel(db);
  if (stored !== undefined) assertStoredModel(stored, embedder.provider);
  await reindexStale(db, embedder);
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
    const rows = await db.query<TextRow>(
      'SELECT id, source_title AS "sourceTitle", content FROM memories WHERE id > ? ORDER BY id LIMIT ?',
      [after, BATCH],
    );
    if (rows.length === 0) break;
    await reindexRows(db, embedder, rows);
    done += rows.length;
    after = rows[rows.length - 1]!.id;
    onProgress(done, total);
  }
  await recordModel(db, embedder);
  return done;
}
