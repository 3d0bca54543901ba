import {
  buildSchema,
  isAbstractType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { Client, makeResult, type Exchange, type Operation } from 'urql';
// wonka is urql's stream library (a dependency of urql itself); exchanges are written in it.
import { filter, fromArray, mergeMap, pipe } from 'wonka';
import apiSdl from '../../../schema/api.graphql?raw';

/** The public API, to tell which types a fragment on an interface or union applies to. */
const api = buildSchema(apiSdl);

/** Whether a fragment on `condition` applies to an object of `typename` (unknown typename: it does). */
function fragmentApplies(condition: string | undefined, typename: string | undefined): boolean {
  if (!condition || !typename || condition === typename) return true;
  const type = api.getType(condition);
  return isAbstractType(type) && api.getPossibleTypes(type).some((possible) => possible.name === typename);
}

/** What an operation answers: `data`, or GraphQL `errors`. */
export type FixtureResult =
  | { readonly data: Record<string, unknown> }
  | { readonly errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };

/**
 * Fixtures by operation name: one answer, or an answer chosen from the variables; a subscription may
 * answer a list, one event after another.
 */
export type Fixtures = Readonly<
  Record<
    string,
    | FixtureResult
    | readonly FixtureResult[]
    | ((variables: Record<string, unknown>) => FixtureResult | readonly FixtureResult[])
  >
>;

export interface FixtureClient {
  readonly client: Client;
  /** Operations the components ran, in order, with their variables. */
  readonly calls: Array<{ operationName: string; variables: Record<string, unknown> }>;
  /**
   * Why a fixture no longer fits its query: an operation without a fixture, or data whose fields differ
   * from what the query selects (a field the query asks for is missing, or one it no longer asks for is
   * still there). Tests assert it is empty; the affected operation also fails with an error.
   */
  readonly drift: string[];
}

const operationOf = (document: DocumentNode) =>
  document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/**
 * Compares data with the selection set that asked for it and returns every difference. `__typename` is
 * always allowed (urql adds it); a type condition applies when the data's `__typename` is that type or one
 * of its possible types in the API, or when the data names no type.
 */
export function selectionDrift(
  selectionSet: SelectionSetNode,
  data: unknown,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  path = '',
): string[] {
  if (data === null) return [];
  if (Array.isArray(data))
    return data.flatMap((item, i) => selectionDrift(selectionSet, item, fragments, `${path}[${i}]`));
  if (typeof data !== 'object')
    return [`${path || 'data'}: expected an object, the fixture has ${JSON.stringify(data)}`];
  const record = data as Record<string, unknown>;
  const typename = typeof record['__typename'] === 'string' ? record['__typename'] : undefined;
  const expected = new Map<string, SelectionSetNode | null>();
  const collect = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (key !== '__typename') expected.set(key, selection.selectionSet ?? null);
        continue;
      }
      const fragment =
        selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition?.name.value;
      if (fragmentApplies(condition, typename)) collect(fragment.selectionSet);
    }
  };
  collect(selectionSet);
  const problems: string[] = [];
  for (const [key, subselection] of expected) {
    if (!(key in record)) problems.push(`${path}.${key}: selected by the query, missing from the fixture`);
    else if (subselection)
      problems.push(...selectionDrift(subselection, record[key], fragments, `${path}.${key}`));
  }
  for (const key of Object.keys(record)) {
    if (key !== '__typename' && !expected.has(key)) {
      problems.push(`${path}.${key}: in the fixture, not selected by the query`);
    }
  }
  return problems;
}

/**
 * A urql client that answers from fixtures keyed by operation name and fails when a query drifts from its
 * fixture (see `drift`). Subscriptions get their events in order, then complete.
 */
export function createFixtureClient(fixtures: Fixtures): FixtureClient {
  const calls: FixtureClient['calls'] = [];
  const drift: string[] = [];

  const answer = (operation: Operation) => {
    const definition = operationOf(operation.query);
    const name = definition?.name?.value ?? '(anonymous)';
    const variables = (operation.variables ?? {}) as Record<string, unknown>;
    calls.push({ operationName: name, variables });
    const fixture = fixtures[name];
    const fail = (problem: string) => {
      drift.push(problem);
      return makeResult(operation, { errors: [{ message: `Fixture drift: ${problem}` }] });
    };
    if (!fixture || !definition) return [fail(`${name}: no fixture for this operation`)];
    const given = typeof fixture === 'function' ? fixture(variables) : fixture;
    return (Array.isArray(given) ? given : [given]).map((result: FixtureResult) =>
      check(operation, definition, result, fail),
    );
  };

  const check = (
    operation: Operation,
    definition: OperationDefinitionNode,
    result: FixtureResult,
    fail: (problem: string) => ReturnType<typeof makeResult>,
  ) => {
    const name = definition.name?.value ?? '(anonymous)';
    if ('errors' in result) {
      return makeResult(operation, {
        errors: result.errors.map((e) => ({ ...e, extensions: e.extensions ?? {} })),
      });
    }
    const fragments = new Map(
      operation.query.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const problems = selectionDrift(definition.selectionSet, result.data, fragments, name);
    if (problems.length) return fail(problems.join('\n'));
    return makeResult(operation, { data: result.data });
  };

  const fixtureExchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== 'teardown'),
      mergeMap((operation) => fromArray(answer(operation))),
    );
  const client = new Client({ url: 'http://fixtures.invalid/graphql', exchanges: [fixtureExchange] });
  return { client, calls, drift };
}
