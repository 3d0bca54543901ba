import {
  GraphQLError,
  Kind,
  getOperationAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

export { API_KEY_SCOPES, isApiKeyScope, type ApiKeyScope } from '@sophia/kit';

/** `Query.deals` → `sales`: which subgraph owns each root field, read from the supergraph's join__field. */
export type RootFieldAreas = ReadonlyMap<string, string>;

export function rootFieldAreas(supergraph: GraphQLSchema): RootFieldAreas {
  const areas = new Map<string, string>();
  for (const root of [
    supergraph.getQueryType(),
    supergraph.getMutationType(),
    supergraph.getSubscriptionType(),
  ]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const owner = field.astNode?.directives
        ?.find((directive) => directive.name.value === 'join__field')
        ?.arguments?.find((argument) => argument.name.value === 'graph')?.value;
      if (owner?.kind === Kind.ENUM) areas.set(`${root!.name}.${field.name}`, owner.value.toLowerCase());
    }
  }
  return areas;
}

/** The scope each root field of the operation needs; a root field no subgraph owns needs the impossible. */
export function scopesNeeded(
  document: DocumentNode,
  operationName: string | undefined,
  areas: RootFieldAreas,
) {
  const operation = getOperationAST(document, operationName);
  if (!operation) return new Set<string>();
  const rootType = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[
    operation.operation
  ];
  const access = operation.operation === 'mutation' ? 'write' : 'read';
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const needed = new Set<string>();
  const visited = new Set<string>();
  const collect = (selections: SelectionSetNode): void => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue; // __typename; introspection has its own switch
        const area = areas.get(`${rootType}.${selection.name.value}`) ?? 'unknown';
        needed.add(area === 'chat' ? 'chat' : `${area}:${access}`);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return needed;
}

/** The refusal when a key's scopes do not cover every root field the operation touches, else undefined. */
export function checkApiKeyScopes(
  document: DocumentNode,
  operationName: string | undefined,
  areas: RootFieldAreas,
  granted: readonly string[],
): GraphQLError | undefined {
  const missing = [...scopesNeeded(document, operationName, areas)].filter(
    (scope) => !granted.includes(scope),
  );
  if (missing.length === 0) return undefined;
  return new GraphQLError(`This API key lacks the scope(s) ${missing.sort().join(', ')}.`, {
    extensions: { code: 'FORBIDDEN', missingScopes: missing, http: { status: 403 } },
  });
}
