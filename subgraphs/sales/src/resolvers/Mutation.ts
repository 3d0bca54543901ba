import { forbidden, hasRole, requireViewer } from '@sophia/kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';

export const Mutation: MutationResolvers = {
  moveDealStage: async (_, { id, stage }, { viewer, store, stageChanges, dealChanges, deadline }) => {
    requireViewer(viewer);
    // Moving deals is the sales team's job (and the executives'); everyone else reads the pipeline.
    if (!hasRole(viewer, 'sales') && !hasRole(viewer, 'exec'))
      throw forbidden('Only sales and executives move deals.');
    // Published as the write commits, so subscribers see changes in commit order; a move whose request has
    // given up by then is rolled back instead (DEADLINE_EXCEEDED) and published nowhere.
    const move = await store.moveDealStage(
      id,
      stage,
      (committed) => {
        stageChanges.publish({ ...committed, stage, changedAt: committed.change.changedAt });
        dealChanges.publish(committed.change);
      },
      deadline,
    );
    if (!move) {
      const message = `No deal has the id ${id}.`;
      return { deal: null, errors: [{ field: ['id'], code: 'NOT_FOUND', message }] };
    }
    if (move.previousStage === stage) {
      const message = `The deal is already in ${stage}.`;
      return { deal: null, errors: [{ field: ['stage'], code: 'CONFLICT', message }] };
    }
    return { deal: move.deal, errors: [] };
  },
};
