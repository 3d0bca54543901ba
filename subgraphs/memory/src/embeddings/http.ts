import { EmbeddingCallError } from './provider.ts';

export interface PostJsonOptions {
  /** Used in error messages, e.g. `tei`. */
  readonly provider: string;
  readonly timeoutMs: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs JSON; network failures and timeouts become retryable {@link EmbeddingCallError}s. */
export async function postJson(
  url: string,
  payload: unknown,
  options: PostJsonOptions,
): Promise<JsonResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, body: parseBody(text) };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new EmbeddingCallError(
        `${options.provider} embedding call to ${url} timed out after ${options.timeoutMs} ms`,
        true,
        { cause: error },
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmbeddingCallError(`${options.provider} embedding call to ${url} failed: ${reason}`, true, {
      cause: error,
    });
  }
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A 5xx or 429 is worth retrying; anything else the server said is final. */
export function statusError(provider: string, status: number, body: unknown): EmbeddingCallError {
  return new EmbeddingCallError(
    `${provider} embedding server answered HTTP ${status}: ${errorMessage(body)}`,
    status >= 500 || status === 429,
  );
}

/** The message of a TEI (`{error}`) or OpenAI (`{error: {message}}`) error body. */
export function errorMessage(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 200);
  if (body && typeof body === 'object' && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'string') return error;
    if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  }
  return JSON.stringify(body)?.slice(0, 200) ?? 'no body';
}

/** Checks and converts one vector from a server's answer. */
export function toVector(provider: string, value: unknown, dimension: number): Float32Array {
  if (!Array.isArray(value) || !value.every((x) => typeof x === 'number')) {
    throw new EmbeddingCallError(
      `${provider} embedding server returned something other than a vector`,
      false,
    );
  }
  if (value.length !== dimension) {
    throw new EmbeddingCallError(
      `${provider} embedding server returned vectors of dimension ${value.length}, but EMBEDDINGS_DIMENSION is ${dimension}`,
      false,
    );
  }
  return Float32Array.from(value);
}
