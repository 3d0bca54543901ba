import { errorMessage, postJson, statusError, toVector } from './http.ts';
import type { EmbeddingProvider } from './provider.ts';
import { embedSplitting, type BatchAnswer } from './split.ts';

export interface TeiProviderOptions {
  /** Base URL of text-embeddings-inference, e.g. `http://tei:8080`. */
  readonly url: string;
  /** A name for metrics and cache keys; TEI serves a single model. @default 'tei' */
  readonly model?: string;
  readonly dimension: number;
  /** Inputs per request; keep at or below the server's `--max-client-batch-size`. @default 32 */
  readonly maxBatch?: number;
  readonly timeoutMs: number;
}

/** text-embeddings-inference `POST /embed`; a 422 (batch over the server's limit, or a bad input) splits. */
export function createTeiProvider(options: TeiProviderOptions): EmbeddingProvider {
  const url = `${options.url.replace(/\/+$/, '')}/embed`;
  const maxBatch = options.maxBatch ?? 32;
  const send = async (inputs: readonly string[]): Promise<BatchAnswer> => {
    const { status, body } = await postJson(
      url,
      { inputs, truncate: true, normalize: true },
      { provider: 'tei', timeoutMs: options.timeoutMs },
    );
    if (status === 422 || status === 413) return { rejected: errorMessage(body) };
    if (status !== 200) throw statusError('tei', status, body);
    if (!Array.isArray(body) || body.length !== inputs.length) {
      throw statusError('tei', status, 'expected one embedding per input');
    }
    return { vectors: body.map((vector: unknown) => toVector('tei', vector, options.dimension)) };
  };
  return {
    name: 'tei',
    model: options.model ?? 'tei',
    dimension: options.dimension,
    maxBatch,
    embed: (texts) => embedSplitting(texts, maxBatch, send),
  };
}
