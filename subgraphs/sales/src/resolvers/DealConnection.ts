import type { DealConnectionResolvers } from '../__generated__/resolvers-types.ts';
import { pageFields } from './connection.ts';

export const DealConnection: DealConnectionResolvers = {
  ...pageFields,
  totalAmount: (page) => page.totalAmount(),
};
