import type { MilestoneResolvers } from '../__generated__/resolvers-types.ts';
import { milestoneStatus } from '../milestone-status.ts';

export const Milestone: MilestoneResolvers = {
  status: (milestone, _args, { store }) => milestoneStatus(milestone, store.today),
};
