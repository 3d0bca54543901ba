import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { KeyResult } from './KeyResult.ts';
import { Milestone } from './Milestone.ts';
import { Objective } from './Objective.ts';
import { Project } from './Project.ts';
import { Query } from './Query.ts';
import { Team } from './Team.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = { Query, User, Team, Project, Milestone, Objective, KeyResult };
