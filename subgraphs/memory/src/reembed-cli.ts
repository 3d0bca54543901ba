import { openStore } from '@sophia/kit';
import { Registry } from 'prom-client';
import { createConfiguredEmbedder } from './embeddings/create-provider.ts';
import { loadMemoryConfig } from './env.ts';
import { reembedStore } from './stored-embeddings.ts';
import { memoryStore } from './store/definition.ts';

/**
 * `npm run reembed`: re-embeds every stored memory with the model the EMBEDDINGS_* variables configure, then
 * records that model, so the memory service starts with it. Run it with the memory service stopped (DuckDB
 * lets one process hold the file) and the same SOPHIA_DATA_DIR (or SNOWFLAKE_*) and EMBEDDINGS_* settings the
 * service will use. On Snowflake the VECTOR column keeps the dimension it was made with: a model of another
 * dimension needs a new column (a migration) first.
 */
const config = loadMemoryConfig();
const embedder = createConfiguredEmbedder(config, new Registry());
const { db } = await openStore({
  ...memoryStore(config.EMBEDDINGS_DIMENSION),
  dataDir: config.SOPHIA_DATA_DIR,
  snowflake: config,
});
try {
  process.stdout.write(`Re-embedding the memories in ${db.location} with "${embedder.model}"…\n`);
  let reported = 0;
  const count = await reembedStore(db, embedder, (done, total) => {
    if (done - reported >= 5_000 || done === total) {
      reported = done;
      process.stdout.write(`  ${done} of ${total}\n`);
    }
  });
  process.stdout.write(
    `Re-embedded ${count} memories with "${embedder.model}" (dimension ${embedder.dimension}).\n`,
  );
} finally {
  await db.close();
}
