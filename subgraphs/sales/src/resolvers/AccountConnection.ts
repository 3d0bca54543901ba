import type { AccountConnectionResolvers } from '../__generated__/resolvers-types.ts';
import { pageFields } from './connection.ts';

export const AccountConnection: AccountConnectionResolvers = { ...pageFields };
