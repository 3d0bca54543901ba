import type { SnowflakeEnv } from '@sophia/kit';
import type { SnowflakeClient } from '@sophia/kit/snowflake';
import { toVector } from './http.ts';
import { EmbeddingCallError, type EmbeddingProvider } from './provider.ts';

/** Cortex's 768-dimension embedding function: the only dimension this provider gives. */
export const CORTEX_DIMENSION = 768;
export const CORTEX_DEFAULT_MODEL = 'snowflake-arctic-embed-m-v1.5';

export interface CortexProviderOptions {
  /** The SNOWFLAKE_* config (the memory store's account); the provider keeps its own small pool. */
  readonly snowflake: SnowflakeEnv;
  /** A model EMBED_TEXT_768 serves. @default snowflake-arctic-embed-m-v1.5 */
  readonly model?: string;
  /** Texts per statement. @default 32 */
  readonly maxBatch?: number;
}

/**
 * Snowflake Cortex `SNOWFLAKE.CORTEX.EMBED_TEXT_768(model, text)`: one statement per batch (the texts bound
 * as a VALUES list, numbered so the vectors come back in input order), run in the warehouse through the
 * kit's Snowflake client (pool, retries, QUERY_TAG `sophia-memory-embeddings`). Batching, retries of whole
 * calls and concurrency stay in the embedder, as for every provider. snowflake-sdk loads on the first call.
 */
export function createCortexProvider(options: CortexProviderOptions): EmbeddingProvider {
  const model = options.model ?? CORTEX_DEFAULT_MODEL;
  let client: Promise<SnowflakeClient> | undefined;
  const connect = () =>
    (client ??= import('@sophia/kit/snowflake')
      .then(({ SnowflakeClient, snowflakeOptions }) =>
        SnowflakeClient.open(snowflakeOptions('memory-embeddings', options.snowflake)!),
      )
      .catch((error: unknown) => {
        client = undefined;
        throw error;
      }));
  return {
    name: 'cortex',
    model,
    dimension: CORTEX_DIMENSION,
    maxBatch: options.maxBatch ?? 32,
    embed: async (texts) => {
      if (texts.length === 0) return [];
      let rows: Array<{ i: unknown; embedding: unknown }>;
      try {
        rows = await (
          await connect()
        ).query(
          `SELECT v.i AS i, SNOWFLAKE.CORTEX.EMBED_TEXT_768(?, v.t) AS embedding
           FROM (VALUES ${texts.map(() => '(?, ?)').join(', ')}) AS v (i, t) ORDER BY v.i`,
          [model, ...texts.flatMap((text, i) => [i, text])],
        );
      } catch (error) {
        const transient = (error as { transient?: unknown }).transient === true;
        throw new EmbeddingCallError(
          `Snowflake Cortex embedding failed: ${(error as Error).message}`,
          transient,
          {
            cause: error,
          },
        );
      }
      if (rows.length !== texts.length) {
        throw new EmbeddingCallError(
          `Snowflake Cortex returned ${rows.length} vectors for ${texts.length} texts`,
          false,
        );
      }
      return rows.map((row) => toVector('cortex', row.embedding, CORTEX_DIMENSION));
    },
    close: async () => {
      const open = client;
      client = undefined;
      if (open) await (await open.catch(() => undefined))?.close();
    },
  };
}
