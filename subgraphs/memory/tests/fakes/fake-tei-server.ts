import {
  fakeVector,
  send,
  startFakeEmbeddingServer,
  type FakeEmbeddingServer,
  type FakeEmbeddingServerOptions,
} from './fake-embedding-server.ts';

export interface FakeTeiServerOptions extends FakeEmbeddingServerOptions {
  /** TEI's `--max-client-batch-size`: more inputs per request get a 422. @default 32 */
  readonly maxClientBatchSize?: number;
}

/** With the `u` flag, a surrogate code unit matches only when it is not half of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * A FAKE text-embeddings-inference server, not the real one: `POST /embed {inputs, truncate, normalize}` →
 * `number[][]`; HTTP 422 `{error, error_type: 'Validation'}` above `maxClientBatchSize`, for an empty
 * input or for one that is not valid Unicode; `GET /health`.
 */
export function startFakeTeiServer(options: FakeTeiServerOptions = {}): Promise<FakeEmbeddingServer> {
  const dimension = options.dimension ?? 768;
  const maxClientBatchSize = options.maxClientBatchSize ?? 32;
  const validation = (error: string, size: number) => ({
    status: 422,
    body: { error, error_type: 'Validation' },
    size,
  });
  return startFakeEmbeddingServer(
    '/embed',
    options,
    (body) => {
      const raw = (body as { inputs?: unknown }).inputs;
      const inputs = typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(inputs) || !inputs.every((x) => typeof x === 'string')) {
        return {
          status: 422,
          body: { error: '`inputs` must be a string or an array of strings', error_type: 'Validation' },
          size: 0,
        };
      }
      if (inputs.length > maxClientBatchSize) {
        return validation(
          `batch size ${inputs.length} > maximum allowed batch size ${maxClientBatchSize}`,
          inputs.length,
        );
      }
      if (inputs.length === 0 || inputs.some((input) => input === '')) {
        return validation('Input validation error: `inputs` cannot be empty', inputs.length);
      }
      // TEI's tokenizer works on valid UTF-8; a lone surrogate cannot be tokenized and fails the request.
      if (inputs.some((input) => LONE_SURROGATE.test(input))) {
        return validation('Input validation error: input is not valid unicode', inputs.length);
      }
      return { status: 200, body: inputs.map((input) => fakeVector(input, dimension)), size: inputs.length };
    },
    { '/health': (response) => send(response, 200, {}) },
  );
}
