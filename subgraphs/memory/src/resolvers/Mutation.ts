import { requireViewer, SophiaError } from '@sophia/kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { EmbeddingCallError, EmbeddingInputError } from '../embeddings/provider.ts';
import { forgetMemory, rememberMemory } from '../memory-service.ts';
import { validateIngestInput } from '../ingest/ingest-input.ts';
import { validateRememberInput } from '../remember-input.ts';

export const Mutation: MutationResolvers = {
  remember: async (_, { input }, { viewer, memory: service, loaders, deadline }) => {
    requireViewer(viewer);
    const errors = validateRememberInput(input);
    if (errors.length > 0) return { memory: null, merged: false, errors };
    try {
      const { memory, merged } = await rememberMemory(
        service,
        loaders.scope(),
        {
          content: input.content.trim(),
          kind: input.kind ?? 'NOTE',
          visibility: input.visibility ?? 'PRIVATE',
          accountId: input.accountId ?? null,
        },
        deadline,
      );
      return { memory, merged, errors: [] };
    } catch (error) {
      // Content the embedding model refuses is the caller's to fix: an error as data, nothing stored.
      if (error instanceof EmbeddingInputError) {
        const message = `Sophia cannot embed this content: ${error.message}.`;
        return {
          memory: null,
          merged: false,
          errors: [{ field: ['input', 'content'], code: 'BAD_USER_INPUT', message }],
        };
      }
      if (error instanceof EmbeddingCallError) {
        throw new SophiaError(
          'DOWNSTREAM_SERVICE_ERROR',
          'The embedding service failed; nothing was stored.',
          {
            serviceName: 'embeddings',
          },
        );
      }
      throw error;
    }
  },
  ingestDocument: async (_, { input }, { viewer, ingestor, loaders, deadline }) => {
    requireViewer(viewer);
    const request = {
      title: input.title.trim(),
      content: input.content,
      visibility: input.visibility ?? 'PRIVATE',
      accountId: input.accountId ?? null,
      chunkWords: input.chunkWords ?? 120,
      overlapWords: input.overlapWords ?? 20,
    };
    const errors = validateIngestInput(request, ingestor.limits);
    if (errors.length > 0) return { job: null, errors };
    return ingestor.start(await loaders.scope(), request, deadline);
  },
  cancelIngestJob: async (_, { id }, { viewer, ingestor }) => {
    const job = await ingestor.cancel(requireViewer(viewer), id);
    // Someone else's job gets the same answer as one that does not exist: nothing leaks about it.
    if (!job) {
      const message = `You have no ingest job with id ${JSON.stringify(id)}.`;
      return { job: null, errors: [{ field: ['id'], code: 'NOT_FOUND', message }] };
    }
    if (job.status === 'CANCELLED') return { job, errors: [] };
    const message = `The job has already finished (${job.status}); there is nothing to cancel.`;
    return { job, errors: [{ field: ['id'], code: 'CONFLICT', message }] };
  },
  forget: async (_, { id }, { viewer, memory, deadline }) => {
    // Someone else's memory gets the same answer as one that does not exist: nothing leaks about it.
    if (await forgetMemory(memory, requireViewer(viewer).userId, id, deadline)) return { id, errors: [] };
    return {
      id: null,
      errors: [
        { field: ['id'], code: 'NOT_FOUND', message: `You have no memory with id ${JSON.stringify(id)}.` },
      ],
    };
  },
};
