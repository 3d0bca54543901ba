import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { Account } from './Account.ts';
import { AccountConnection } from './AccountConnection.ts';
import { Deal } from './Deal.ts';
import { DealConnection } from './DealConnection.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Subscription } from './Subscription.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Subscription,
  Deal,
  Account,
  User,
  DealConnection,
  AccountConnection,
};
