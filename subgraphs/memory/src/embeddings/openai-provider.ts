import { errorMessage, postJson, statusError, toVector } from './http.ts';
import type { EmbeddingProvider } from './provider.ts';
import { embedSplitting, type BatchAnswer } from './split.ts';

export interface OpenAiProviderOptions {
  /** Base URL without `/v1`, e.g. `https://api.openai.com` or `http://vllm:8000`. */
  readonly url: string;
  readonly model: string;
  readonly apiKey?: string | undefined;
  readonly dimension: number;
  /** Inputs per request (OpenAI accepts up to 2048). @default 32 */
  readonly maxBatch?: number;
  readonly timeoutMs: number;
}

interface EmbeddingItem {
  readonly index: number;
  readonly embedding: unknown;
}

/** Any OpenAI-compatible `POST /v1/embeddings` (OpenAI, vLLM, Ollama, TEI's compatibility route). */
export function createOpenAiProvider(options: OpenAiProviderOptions): EmbeddingProvider {
  const url = `${options.url.replace(/\/+$/, '')}/v1/embeddings`;
  const maxBatch = options.maxBatch ?? 32;
  const headers: Record<string, string> = options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {};
  const send = async (input: readonly string[]): Promise<BatchAnswer> => {
    const { status, body } = await postJson(
      url,
      { input, model: options.model },
      { provider: 'openai', timeoutMs: options.timeoutMs, headers },
    );
    // 400/422 is a validation error about the input (one bad text fails the request): split to find it.
    if (status === 400 || status === 413 || status === 422) return { rejected: errorMessage(body) };
    if (status !== 200) throw statusError('openai', status, body);
    const data = (body as { data?: unknown } | null)?.data;
    if (!Array.isArray(data) || data.length !== input.length) {
      throw statusError('openai', status, 'expected one embedding per input in `data`');
    }
    const vectors = new Array<Float32Array>(input.length);
    // Servers may answer out of order; `index` is authoritative.
    for (const item of data as EmbeddingItem[]) {
      if (!Number.isInteger(item.index) || item.index < 0 || item.index >= input.length) {
        throw statusError('openai', status, `embedding index ${String(item.index)} out of range`);
      }
      vectors[item.index] = toVector('openai', item.embedding, options.dimension);
    }
    // A sparse array: a missing index leaves a hole that Object.keys skips.
    if (Object.keys(vectors).length !== input.length) {
      throw statusError('openai', status, 'an input has no embedding in `data`');
    }
    return { vectors };
  };
  return {
    name: 'openai',
    model: options.model,
    dimension: options.dimension,
    maxBatch,
    embed: (texts) => embedSplitting(texts, maxBatch, send),
  };
}
