import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode } from 'graphql';
import type { GatewayContext } from '../../context.ts';
import type { SupergraphSnapshot, SupergraphTracker } from '../../subscriptions/supergraph-tracker.ts';
import { checkApiKeyScopes, rootFieldAreas, type RootFieldAreas } from './api-key-scopes.ts';

const areasOf = new WeakMap<SupergraphSnapshot, RootFieldAreas>();

/**
 * The refusal (FORBIDDEN, `missingScopes`, HTTP 403) when a key's scopes do not cover every root field the
 * operation touches, else undefined. Each root field's area is read from the supergraph being served.
 */
export function apiKeyScopeRefusal(
  supergraph: SupergraphTracker,
  document: DocumentNode,
  operationName: string | undefined,
  scopes: readonly string[],
): GraphQLError | undefined {
  const snapshot = supergraph.current();
  if (!snapshot)
    return new GraphQLError('The gateway is not ready.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  let areas = areasOf.get(snapshot);
  if (!areas) {
    areas = rootFieldAreas(snapshot.supergraphSchema);
    areasOf.set(snapshot, areas);
  }
  return checkApiKeyScopes(document, operationName, areas, scopes);
}

/**
 * Holds every operation run for an API key to the key's scopes, once it is parsed and validated: over HTTP
 * (persisted queries included), MCP tools and queries or mutations sent over graphql-ws alike. Subscriptions
 * over graphql-ws are checked where they are planned (graphql-ws-server.ts), with the same function.
 */
export function useApiKeyScopes(supergraph: SupergraphTracker): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ contextValue, document, request }) => {
        if (!contextValue.apiKeyId) return;
        const refusal = apiKeyScopeRefusal(
          supergraph,
          document,
          request.operationName ?? undefined,
          contextValue.viewer.scopes,
        );
        if (refusal) throw refusal;
      },
    }),
  };
}
