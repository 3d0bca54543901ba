import { requireViewer } from '@sophia/kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { validateRememberInput } from '../remember-input.ts';

export const Mutation: MutationResolvers = {
  remember: async (_, { input }, { viewer, store, loaders }) => {
    requireViewer(viewer);
    const errors = validateRememberInput(input);
    if (errors.length > 0) return { memory: null, merged: false, errors };
    const { memory, merged } = await store.remember(await loaders.scope(), {
      content: input.content.trim(),
      kind: input.kind ?? 'NOTE',
      visibility: input.visibility ?? 'PRIVATE',
      accountId: input.accountId ?? null,
    });
    return { memory, merged, errors: [] };
  },
  forget: async (_, { id }, { viewer, store }) => {
    // Someone else's memory gets the same answer as one that does not exist: nothing leaks about it.
    if (await store.forget(requireViewer(viewer).userId, id)) return { id, errors: [] };
    return {
      id: null,
      errors: [
        { field: ['id'], code: 'NOT_FOUND', message: `You have no memory with id ${JSON.stringify(id)}.` },
      ],
    };
  },
};
