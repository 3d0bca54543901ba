import {
  fakeVector,
  startFakeEmbeddingServer,
  type FakeEmbeddingServer,
  type FakeEmbeddingServerOptions,
} from './fake-embedding-server.ts';

export interface FakeOpenAiServerOptions extends FakeEmbeddingServerOptions {
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401. */
  readonly apiKey?: string;
  /** Answers `data` in reverse order (still with correct `index`), as servers may. */
  readonly shuffle?: boolean;
}

const invalid = (message: string, status = 400) => ({
  status,
  body: { error: { message, type: 'invalid_request_error', param: 'input', code: null } },
});

/**
 * A FAKE OpenAI-compatible embeddings server, not a real one: `POST /v1/embeddings {input, model}` →
 * `{object: 'list', data: [{object: 'embedding', index, embedding}], model, usage}`; a 400 error object for
 * an empty input or more than 2048 inputs.
 */
export function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeEmbeddingServer> {
  const dimension = options.dimension ?? 768;
  return startFakeEmbeddingServer('/v1/embeddings', options, (body, request) => {
    if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return { ...invalid('Incorrect API key provided.', 401), size: 0 };
    }
    const { input: raw, model } = body as { input?: unknown; model?: unknown };
    const input = typeof raw === 'string' ? [raw] : raw;
    if (typeof model !== 'string' || !Array.isArray(input) || !input.every((x) => typeof x === 'string')) {
      return { ...invalid("'input' must be a string or an array of strings, and 'model' a string"), size: 0 };
    }
    if (input.length === 0 || input.length > 2048 || input.some((text) => text === '')) {
      return { ...invalid("'$.input' is invalid. Please check the API reference."), size: input.length };
    }
    const data = input.map((text, index) => ({
      object: 'embedding',
      index,
      embedding: fakeVector(text, dimension),
    }));
    if (options.shuffle) data.reverse();
    const tokens = input.reduce((sum, text) => sum + text.split(/\s+/).length, 0);
    return {
      status: 200,
      body: { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } },
      size: input.length,
    };
  });
}
