import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { Account } from './Account.ts';
import { AccountConnection } from './AccountConnection.ts';
import { Deal } from './Deal.ts';
import { DealConnection } from './DealConnection.ts';
import { Query } from './Query.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = { Query, Deal, Account, User, DealConnection, AccountConnection };
