import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { Account } from './Account.ts';
import { Memory } from './Memory.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = { Query, Mutation, Memory, Account };
