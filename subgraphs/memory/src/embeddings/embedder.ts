import DataLoader from 'dataloader';
import type { Registry } from 'prom-client';
import { ROOT_CONTEXT, withSpan } from '@sophia/kit';
import { createBatchLinks } from './batch-links.ts';
import { embeddingMetrics } from './embedding-metrics.ts';
import {
  EmbeddingCallError,
  EmbeddingInputError,
  type EmbeddingProvider,
  type EmbeddingResult,
} from './provider.ts';
import { createBatchScheduler } from './batch-scheduler.ts';
import { createSemaphore } from './semaphore.ts';

export interface EmbedderOptions {
  /** Where the `sophia_embedding_*` metrics are registered (the service's registry). */
  readonly registry: Registry;
  /** How long a batch waits for another text; each text that joins restarts it (see batch-scheduler.ts). @default 4 */
  readonly batchWindowMs?: number;
  /** The longest a batch stays open while texts keep coming as a stream. @default 250 */
  readonly batchMaxWaitMs?: number;
  /** Texts per provider call (capped by the provider's own limit). @default 32 */
  readonly maxBatch?: number;
  /** Provider calls running at once; further batches wait. @default 4 */
  readonly maxInFlight?: number;
  /** Further attempts after a 5xx, 429, network error or timeout. @default 2 */
  readonly retries?: number;
  /** First retry delay; doubles each attempt. @default 100 */
  readonly backoffMs?: number;
  /** Longer texts are refused (their own key only) before any call is made. @default 32000 */
  readonly maxChars?: number;
}

/** The process-wide embedder for one model: create it once at start and share it across requests. */
export interface Embedder {
  readonly provider: EmbeddingProvider;
  readonly model: string;
  readonly dimension: number;
  /** The vector of one text; texts asked for within the batch window share one provider call. */
  embed(text: string): Promise<Float32Array>;
  /** One result per text; a text that failed gets its `Error` and the others are unaffected. */
  embedMany(texts: readonly string[]): Promise<EmbeddingResult[]>;
}

export function createEmbedder(provider: EmbeddingProvider, options: EmbedderOptions): Embedder {
  const metrics = embeddingMetrics(options.registry);
  const windowMs = options.batchWindowMs ?? 4;
  const maxChars = options.maxChars ?? 32_000;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 100;
  const semaphore = createSemaphore(options.maxInFlight ?? 4);
  const maxBatch = Math.max(1, Math.min(options.maxBatch ?? 32, provider.maxBatch));
  const scheduler = createBatchScheduler({
    windowMs,
    maxWaitMs: Math.max(windowMs, options.batchMaxWaitMs ?? 250),
    maxBatch,
    slotFree: () => semaphore.whenFree(),
  });

  const callOnce = async (texts: readonly string[]): Promise<EmbeddingResult[]> => {
    const stopTimer = metrics.callSeconds.startTimer({ provider: provider.name });
    try {
      const results = await provider.embed(texts);
      metrics.calls.inc({ provider: provider.name, outcome: 'ok' });
      return results;
    } catch (error) {
      metrics.calls.inc({ provider: provider.name, outcome: 'error' });
      throw error;
    } finally {
      stopTimer();
    }
  };

  const callWithRetries = async (texts: readonly string[]): Promise<EmbeddingResult[]> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await callOnce(texts);
      } catch (error) {
        if (!(error instanceof EmbeddingCallError && error.retryable) || attempt >= retries) {
          throw attempt > 0 && error instanceof Error
            ? new EmbeddingCallError(`${error.message} (after ${attempt + 1} attempts)`, false, {
                cause: error,
              })
            : error;
        }
        // Jitter (half the delay random) keeps the retries of concurrent batches from arriving together.
        await sleep(backoffMs * 2 ** attempt * (0.5 + Math.random() / 2));
      }
    }
  };

  const embedBatch = async (texts: readonly string[]): Promise<Array<Float32Array | Error>> => {
    metrics.batchSize.observe(texts.length);
    const results = texts.map((text) => validate(text, maxChars));
    const pending = texts.flatMap((text, i) => (results[i] ? [] : [{ text, i }]));
    if (pending.length > 0) {
      try {
        const answers = await semaphore.run(() => callWithRetries(pending.map((p) => p.text)));
        pending.forEach(({ i }, j) => (results[i] = answers[j]));
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const { i } of pending) results[i] = failure;
      }
    }
    return results.map((result) => result ?? new Error('the embedding provider returned too few results'));
  };

  const batchLinks = createBatchLinks();
  // DataLoader is designed per request; this one is shared, so it must not cache (`cache: false`).
  const loader = new DataLoader<string, Float32Array>(
    (texts) => {
      const batch = { parent: ROOT_CONTEXT, links: batchLinks.take(texts) };
      const attributes = { 'sophia.batch_size': texts.length, 'sophia.embeddings.provider': provider.name };
      return withSpan('memory.embed_batch', { ...batch, attributes }, () => embedBatch(texts));
    },
    {
      cache: false,
      maxBatchSize: maxBatch,
      batchScheduleFn: (send) => scheduler.schedule(send),
    },
  );

  const embed = async (text: string): Promise<Float32Array> => {
    metrics.queueDepth.inc();
    try {
      batchLinks.queued(text);
      const vector = loader.load(text);
      scheduler.joined();
      return await vector;
    } finally {
      metrics.queueDepth.dec();
    }
  };

  return {
    provider,
    model: provider.model,
    dimension: provider.dimension,
    embed,
    embedMany: (texts) =>
      Promise.all(texts.map((text) => embed(text).catch((error: unknown) => error as Error))),
  };
}

function validate(text: string, maxChars: number): EmbeddingResult | undefined {
  if (text.trim() === '') return new EmbeddingInputError('cannot embed an empty text');
  // A lone surrogate is not Unicode text: no tokenizer takes it, and a server would refuse the whole batch.
  if (LONE_SURROGATE.test(text))
    return new EmbeddingInputError('the text is not valid Unicode (a lone surrogate)');
  if (text.length > maxChars) {
    return new EmbeddingInputError(
      `cannot embed a text of ${text.length} characters (the limit is ${maxChars})`,
    );
  }
  return undefined;
}

/** With the `u` flag, a surrogate code unit matches only when it is not half of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
