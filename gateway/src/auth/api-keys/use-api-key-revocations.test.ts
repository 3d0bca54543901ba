import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@sophia/kit';
import type { GatewayContext } from '../../context.ts';
import type { ApiKeys } from './api-keys.ts';
import { useApiKeyRevocations } from './use-api-key-revocations.ts';

/** revokeApiKey as the key store answers it: a payload for an admin, FORBIDDEN (null) for anyone else. */
async function serverAnnouncingTo(announced: string[]) {
  const apiKeys = { revoke: async (id: string) => void announced.push(id) } as unknown as ApiKeys;
  const server = new ApolloServer<GatewayContext>({
    typeDefs: `type Query { ok: Boolean }
      type Payload { id: ID }
      type Mutation { revokeApiKey(id: ID!): Payload other(id: ID!): Payload }`,
    resolvers: {
      Mutation: {
        revokeApiKey: (_: unknown, { id }: { id: string }, context: GatewayContext) => {
          if (context.viewer.userId !== 'admin')
            throw new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
          return { id };
        },
        other: (_: unknown, { id }: { id: string }) => ({ id }),
      },
    },
    plugins: [useApiKeyRevocations(apiKeys)],
  });
  await server.start();
  const run = (query: string, userId: string | null, variables: Record<string, unknown> = {}) =>
    server.executeOperation(
      { query, variables },
      {
        contextValue: {
          viewer: { ...ANONYMOUS, userId },
          requestId: 'r',
          log: undefined as never,
          viewerToken: async () => '',
        },
      },
    );
  return { server, run };
}

describe('useApiKeyRevocations', () => {
  it('announces the ids an admin revoked, by literal, variable or alias', async () => {
    const announced: string[] = [];
    const { server, run } = await serverAnnouncingTo(announced);
    await run('mutation { revokeApiKey(id: "aaaaaaaaaaaaaaaa") { id } }', 'admin');
    await run('mutation($k: ID!) { gone: revokeApiKey(id: $k) { id } other(id: "x") { id } }', 'admin', {
      k: 'bbbbbbbbbbbbbbbb',
    });
    expect(announced).toEqual(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']);
    await server.stop();
  });

  it('announces nothing for a caller who was refused, nor for other mutations', async () => {
    const announced: string[] = [];
    const { server, run } = await serverAnnouncingTo(announced);
    await run('mutation { revokeApiKey(id: "cccccccccccccccc") { id } }', 'member');
    await run('mutation { other(id: "dddddddddddddddd") { id } }', 'admin');
    expect(announced).toEqual([]);
    await server.stop();
  });
});
