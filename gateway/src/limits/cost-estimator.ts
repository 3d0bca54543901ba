import { getNamedType, getNullableType, isListType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Fields that cost more than one unit: they search, fan out to other services, or start background work.
 * Keyed `Type.field` on the API schema; every other field costs 1.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.searchMemories': 20,
  'Query.kpiCards': 10,
  'Query.pipeline': 10,
  'Query.atRisk': 10,
  'Metric.series': 5,
  'Mutation.remember': 20,
  'Mutation.ingestDocument': 200,
  'Mutation.sendMessage': 100,
  'Subscription.replyStream': 20,
};

/** What a list without a size argument is assumed to hold, for its children's cost. */
export const DEFAULT_LIST_SIZE = 10;
/** Arguments that size a list, in the order they are looked for. */
export const SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/**
 * A field's cost: its own (FIELD_COSTS or 1) plus its children's, multiplied by how many items it may return
 * (its `first`/`last`/`limit` argument, or DEFAULT_LIST_SIZE for a list without one). Lists of lists multiply;
 * a connection's `nodes`/`edges` do not multiply again.
 */
export const sophiaCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection is bounded by the schema, not by the query: counted, never multiplied.
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;
  // A connection's page was sized by the field that returned it (`deals(first: 100)`), not again here.
  if (CONNECTION_LISTS.has(field.name)) return 1 + childComplexity;
  const own = FIELD_COSTS[`${type.name}.${field.name}`] ?? 1;
  return own + itemsOf(field.type, args) * childComplexity;
};

const CONNECTION_LISTS = new Set(['nodes', 'edges']);

function itemsOf(fieldType: Parameters<typeof getNamedType>[0], args: Record<string, unknown>): number {
  for (const name of SIZE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, value);
  }
  const nullable = getNullableType(fieldType);
  return isListType(nullable) ? DEFAULT_LIST_SIZE : 1;
}
