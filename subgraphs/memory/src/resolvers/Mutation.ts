import { requireViewer } from '@sophia/kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { forgetMemory, rememberMemory } from '../memory-service.ts';
import { validateRememberInput } from '../remember-input.ts';

export const Mutation: MutationResolvers = {
  remember: async (_, { input }, { viewer, memory: service, loaders }) => {
    requireViewer(viewer);
    const errors = validateRememberInput(input);
    if (errors.length > 0) return { memory: null, merged: false, errors };
    const { memory, merged } = await rememberMemory(service, loaders.scope(), {
      content: input.content.trim(),
      kind: input.kind ?? 'NOTE',
      visibility: input.visibility ?? 'PRIVATE',
      accountId: input.accountId ?? null,
    });
    return { memory, merged, errors: [] };
  },
  forget: async (_, { id }, { viewer, memory }) => {
    // Someone else's memory gets the same answer as one that does not exist: nothing leaks about it.
    if (await forgetMemory(memory, requireViewer(viewer).userId, id)) return { id, errors: [] };
    return {
      id: null,
      errors: [
        { field: ['id'], code: 'NOT_FOUND', message: `You have no memory with id ${JSON.stringify(id)}.` },
      ],
    };
  },
};
