import { GraphQLError, type DocumentNode } from 'graphql';
import type { Redis } from 'ioredis';
import { ARBITRARY_OPERATIONS_SCOPE, type Viewer } from '@sophia/kit';
import { documentHash, type RegisteredOperations } from './registered-operations.ts';

/** The scope that lets a caller send operations outside the safelist; the kit defines it with the key scopes. */
export { ARBITRARY_OPERATIONS_SCOPE } from '@sophia/kit';

/**
 * Automatic persisted queries in Redis, shared by every gateway replica (Apollo Server's KeyValueCache shape).
 * Redis errors are misses: the client then sends the full query, and nothing fails.
 */
export function createRedisApqCache(redis: Redis, ttlSeconds = 86_400) {
  const key = (id: string) => `sophia:apq:${id}`;
  return {
    get: async (id: string): Promise<string | undefined> =>
      (await redis.get(key(id)).catch(() => null)) ?? undefined,
    set: async (id: string, value: string, options?: { ttl?: number | null }): Promise<void> => {
      await redis.set(key(id), value, 'EX', options?.ttl ?? ttlSeconds).catch(() => undefined);
    },
    delete: async (id: string): Promise<boolean> => (await redis.del(key(id)).catch(() => 0)) > 0,
  };
}

/**
 * The safelist: with it on (production's default), only registered documents run — the dashboard's and
 * schema/operations' — compared by their printed form, so formatting does not matter. Callers holding
 * ARBITRARY_OPERATIONS_SCOPE may send others. Returns the refusal, or undefined when the document may run.
 */
export type Safelist = (document: DocumentNode, viewer: Viewer) => GraphQLError | undefined;

export function createSafelist(enabled: boolean, registered: RegisteredOperations): Safelist {
  return (document, viewer) => {
    if (!enabled || viewer.scopes.includes(ARBITRARY_OPERATIONS_SCOPE)) return undefined;
    if (registered.hashes.has(documentHash(document))) return undefined;
    return new GraphQLError(
      "Only registered operations run on this gateway: send one of the dashboard's or schema/operations' documents.",
      { extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED', http: { status: 400 } } },
    );
  };
}
