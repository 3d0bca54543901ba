/** What a provider gives back for one input: its vector, or the reason that input alone failed. */
export type EmbeddingResult = Float32Array | Error;

export type EmbeddingProviderName = 'local' | 'tei' | 'openai' | 'cortex';

/** One embedding model behind one API; batching, retries and limits on concurrency live in the embedder. */
export interface EmbeddingProvider {
  readonly name: EmbeddingProviderName;
  readonly model: string;
  readonly dimension: number;
  /** The most inputs this provider accepts in one call. */
  readonly maxBatch: number;
  /**
   * One result per input, in input order. Throws {@link EmbeddingCallError} when the whole call failed
   * (network, timeout, 5xx); an input the server rejects on its own comes back as an `Error` in its slot.
   */
  embed(texts: readonly string[]): Promise<EmbeddingResult[]>;
  /** Releases what the provider holds (Cortex: its Snowflake sessions); the HTTP providers hold nothing. */
  close?(): Promise<void>;
}

/** The whole call failed; `retryable` says whether trying again could help. */
export class EmbeddingCallError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'EmbeddingCallError';
  }
}

/** One input was refused (empty, too long, rejected by the server); the rest of its batch is unaffected. */
export class EmbeddingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddingInputError';
  }
}

/** Stored vectors were made by another model (or dimension) than the configured one; raised at start. */
export class EmbeddingModelMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddingModelMismatchError';
  }
}
