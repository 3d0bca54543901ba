import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../../context.ts';
import type { ApiKeys } from './api-keys.ts';

/** The key store's mutation that revokes a key (project subgraph); its `id` argument names the key. */
const REVOKE_FIELD = 'revokeApiKey';

/**
 * After a `revokeApiKey` that an admin ran (its payload came back, not a FORBIDDEN null), announces the id to
 * every replica, before the answer leaves: their cached verdicts drop and their sockets opened with that key
 * re-check it, so the key stops working everywhere within seconds, not only when caches expire. The
 * announcement only ever triggers a re-check against the store; it cannot revoke anything by itself.
 */
export function useApiKeyRevocations(apiKeys: ApiKeys): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ operation, request, response }) => {
        if (operation?.operation !== 'mutation' || response.body.kind !== 'single') return;
        const data = response.body.singleResult.data as Record<string, unknown> | null | undefined;
        for (const id of revokedIds(operation, request.variables ?? {}, data ?? {})) await apiKeys.revoke(id);
      },
    }),
  };
}

function revokedIds(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  data: Record<string, unknown>,
): string[] {
  const ids: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== REVOKE_FIELD) continue;
    if (!data[selection.alias?.value ?? REVOKE_FIELD]) continue;
    const value = selection.arguments?.find((argument) => argument.name.value === 'id')?.value;
    const id =
      value?.kind === Kind.STRING
        ? value.value
        : value?.kind === Kind.VARIABLE
          ? variables[value.name.value]
          : undefined;
    if (typeof id === 'string') ids.push(id);
  }
  return ids;
}
