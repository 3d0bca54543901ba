import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { KpiCard } from './KpiCard.ts';
import { Metric } from './Metric.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = { Query, KpiCard, Metric };
