import { z } from 'zod';
import { ConfigError, parseConfig, portSchema, serviceEnvShape } from '@sophia/kit';
import { CORTEX_DIMENSION } from './embeddings/cortex-provider.ts';

const positiveInt = z.coerce.number().int().positive();
/** A timer's period: at most a day, since Node runs a longer setInterval delay every millisecond instead. */
const intervalMs = positiveInt.max(86_400_000);

export const memoryEnvShape = {
  ...serviceEnvShape,
  PORT: portSchema.default(4002),
  /**
   * `local` (offline, lexical, the default), `tei` (text-embeddings-inference), `openai` (any /v1/embeddings)
   * or `cortex` (Snowflake Cortex EMBED_TEXT_768 in the SNOWFLAKE_* account; dimension 768).
   */
  EMBEDDINGS_PROVIDER: z.enum(['local', 'tei', 'openai', 'cortex']).default('local'),
  /** Base URL of the embedding server (`tei`, `openai`), e.g. `http://tei:8080`. */
  EMBEDDINGS_URL: z.url().optional(),
  /** Model name; required for `openai`, a label for `tei` and `local`. */
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  /** Bearer key for `openai`. */
  EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  /** Vector length the model produces; must match the stored memories. */
  EMBEDDINGS_DIMENSION: positiveInt.default(768),
  /** How long a batch waits for another text when texts come alone; each text that joins restarts the wait. */
  EMBEDDINGS_BATCH_WINDOW_MS: z.coerce.number().int().min(0).default(4),
  /** The longest a batch stays open while texts keep coming as a stream (see batch-scheduler.ts). */
  EMBEDDINGS_BATCH_MAX_WAIT_MS: z.coerce.number().int().min(0).default(250),
  /** Texts per embedding call (TEI refuses more than its `--max-client-batch-size`, default 32). */
  EMBEDDINGS_MAX_BATCH: positiveInt.default(32),
  /** Embedding calls running at once. */
  EMBEDDINGS_MAX_IN_FLIGHT: positiveInt.default(4),
  /** Per-call timeout. */
  EMBEDDINGS_TIMEOUT_MS: positiveInt.default(10_000),
  /** Further attempts after a 5xx, 429, network error or timeout. */
  EMBEDDINGS_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** Redis for the shared L1 cache, e.g. `redis://redis:6379`; without it L1 is this process's LRU. */
  REDIS_URL: z.url().optional(),
  /** How long an L1 entry (search results, embeddings) lives. */
  MEMORY_CACHE_TTL_MS: positiveInt.default(300_000),
  /** Entries the in-process L1 holds (alone, or as Redis's fallback). */
  MEMORY_CACHE_MAX_ENTRIES: positiveInt.default(10_000),
  /** How often counted reads (access count and time) are written to the store, in one batch. */
  MEMORY_ACCESS_FLUSH_MS: intervalMs.default(1_000),
  /** How often the maintenance loop demotes idle memories. */
  MEMORY_MAINTENANCE_INTERVAL_MS: intervalMs.default(60_000),
  /**
   * How often change capture looks for memories changed outside this replica (imports, an analyst's UPDATE,
   * other replicas) and re-embeds and re-indexes them in L2: well within a minute by default.
   */
  MEMORY_CHANGE_POLL_MS: intervalMs.default(15_000),
  /** Reads (in all) after which a warm memory that is read again becomes hot. */
  MEMORY_HOT_ACCESS_COUNT: positiveInt.default(5),
  /** A hot memory unread this long becomes warm. */
  MEMORY_HOT_IDLE_MS: positiveInt.default(3_600_000),
  /** A warm memory unread this long (and read fewer than MEMORY_KEEP_WARM_ACCESS_COUNT times) becomes cold. */
  MEMORY_WARM_IDLE_MS: positiveInt.default(30 * 86_400_000),
  /** Reads that keep an idle warm memory warm. */
  MEMORY_KEEP_WARM_ACCESS_COUNT: positiveInt.default(3),
  /** UTF-8 bytes one ingested document may have. */
  MEMORY_INGEST_MAX_BYTES: positiveInt.default(1_000_000),
  /** Chunks one ingested document may be split into. */
  MEMORY_INGEST_MAX_CHUNKS: positiveInt.default(5_000),
  /** Document ingest jobs one user may have queued or running at once. */
  MEMORY_INGEST_MAX_JOBS_PER_USER: positiveInt.default(3),
  /** Cosine similarity at or above which a new memory merges into the same owner's existing one. */
  MEMORY_DUPLICATE_SIMILARITY: z.coerce.number().gt(0).max(1).default(0.98),
};

export type MemoryConfig = ReturnType<typeof loadMemoryConfig>;

/** The memory subgraph's configuration; the only place that reads the environment. */
export function loadMemoryConfig(source: Readonly<Record<string, string | undefined>> = process.env) {
  const config = parseConfig('memory', memoryEnvShape, source);
  const problems: string[] = [];
  const overHttp = config.EMBEDDINGS_PROVIDER === 'tei' || config.EMBEDDINGS_PROVIDER === 'openai';
  if (overHttp && !config.EMBEDDINGS_URL) {
    problems.push(`EMBEDDINGS_PROVIDER=${config.EMBEDDINGS_PROVIDER} needs EMBEDDINGS_URL`);
  }
  if (config.EMBEDDINGS_PROVIDER === 'openai' && !config.EMBEDDINGS_MODEL) {
    problems.push('EMBEDDINGS_PROVIDER=openai needs EMBEDDINGS_MODEL');
  }
  if (config.EMBEDDINGS_PROVIDER === 'cortex') {
    if (!config.SNOWFLAKE_ACCOUNT)
      problems.push('EMBEDDINGS_PROVIDER=cortex needs SNOWFLAKE_ACCOUNT (and its login)');
    if (config.EMBEDDINGS_DIMENSION !== CORTEX_DIMENSION) {
      problems.push(
        `EMBEDDINGS_PROVIDER=cortex gives ${CORTEX_DIMENSION} dimensions; EMBEDDINGS_DIMENSION must be ${CORTEX_DIMENSION}`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigError('memory', problems);
  return config;
}
