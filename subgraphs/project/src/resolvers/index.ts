import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { ApiKey } from './ApiKey.ts';
import { KeyResult } from './KeyResult.ts';
import { Milestone } from './Milestone.ts';
import { Mutation } from './Mutation.ts';
import { Objective } from './Objective.ts';
import { Project } from './Project.ts';
import { Query } from './Query.ts';
import { Team } from './Team.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  ApiKey,
  User,
  Team,
  Project,
  Milestone,
  Objective,
  KeyResult,
};
