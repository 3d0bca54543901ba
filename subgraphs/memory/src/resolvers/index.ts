import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { Account } from './Account.ts';
import { IngestJob } from './IngestJob.ts';
import { Memory } from './Memory.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Subscription } from './Subscription.ts';

export const resolvers: Resolvers = { Query, Mutation, Subscription, Memory, Account, IngestJob };
