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

/**
 * A FAKE text-embeddings-inference server, not the real one: `POST /embed {inputs, truncate, normalize}` →
 * `number[][]`; HTTP 422 `{error, error_type: 'Validation'}` above `maxClientBatchSize` or for an empty
 * input; `GET /health`.
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
      return { status: 200, body: inputs.map((input) => fakeVector(input, dimension)), size: inputs.length };
    },
    { '/health': (response) => send(response, 200, {}) },
  );
}
