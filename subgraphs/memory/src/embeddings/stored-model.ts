import { EmbeddingModelMismatchError, type EmbeddingProvider } from './provider.ts';

/** The command that re-embeds every stored memory with the configured model (see reembed-cli.ts). */
export const REEMBED_COMMAND = 'npm run reembed';

/** The model the stored vectors were made with, as recorded in the store. */
export interface StoredModel {
  readonly model: string;
  readonly dimension: number;
  /** The model an unfinished re-embed was moving the store to, if one was interrupted. */
  readonly reembedPendingTo?: string | undefined;
}

/**
 * Refuses to start over vectors another model made: two models' vectors live in different spaces, so mixing
 * them makes every similarity meaningless even when their dimensions agree. Names both models and both ways
 * out (configure the stored model again, or re-embed).
 */
export function assertStoredModel(
  stored: StoredModel,
  configured: Pick<EmbeddingProvider, 'name' | 'model' | 'dimension'>,
): void {
  if (stored.reembedPendingTo !== undefined) {
    throw new EmbeddingModelMismatchError(
      `A re-embed of the stored memories with model "${stored.reembedPendingTo}" was interrupted, so they ` +
        `hold vectors of two models. Run \`${REEMBED_COMMAND}\` again with EMBEDDINGS_MODEL=` +
        `${stored.reembedPendingTo} (the memory service stopped), then start it.`,
    );
  }
  if (stored.model === configured.model && stored.dimension === configured.dimension) return;
  throw new EmbeddingModelMismatchError(
    `Stored memories were embedded with model "${stored.model}" (dimension ${stored.dimension}), but the ` +
      `memory service is configured for the ${configured.name} model "${configured.model}" (dimension ` +
      `${configured.dimension}); vectors of different models cannot be compared. Either set ` +
      `EMBEDDINGS_MODEL=${stored.model} and EMBEDDINGS_DIMENSION=${stored.dimension} again, or stop the ` +
      `memory service and run \`${REEMBED_COMMAND}\` with the new EMBEDDINGS_* settings to re-embed every ` +
      `memory with "${configured.model}".`,
  );
}
