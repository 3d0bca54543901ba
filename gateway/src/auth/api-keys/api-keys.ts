import type { Redis } from 'ioredis';
import type { Logger } from '@sophia/kit';
import type { GatewayConfig } from '../../env.ts';
import type { SupergraphTracker } from '../../subscriptions/supergraph-tracker.ts';
import { createApiKeyStoreClient } from './api-key-store-client.ts';
import { createApiKeyVerdicts } from './api-key-verdicts.ts';
import {
  ApiKeyRefused,
  createApiKeyVerifier,
  type ApiKeyCaller,
  type StoredApiKey,
} from './api-key-verifier.ts';

/** What the gateway does with API keys: verify presented ones, and hear of revoked ones from any replica. */
export interface ApiKeys {
  /** The caller a key makes; throws ApiKeyRefused for any key that is not valid now. */
  verify(secret: string): Promise<ApiKeyCaller>;
  /** Drops the key's verdict here and on every replica (after `revokeApiKey`); open sockets re-check it. */
  revoke(id: string): Promise<void>;
  /** Called with the id of a key revoked on any replica. */
  onRevoked(listener: (id: string) => void): void;
  /** How often a socket opened with a key re-checks it, so a revocation nobody announced still lands. */
  readonly recheckMs: number;
  /** Resolves once this replica hears other replicas' revocations. */
  readonly ready: Promise<void>;
  close(): void;
}

export { ApiKeyRefused };

/**
 * API keys at the edge: looked up by id in the key store (the API_KEY_SUBGRAPH's internal route), verdicts
 * cached API_KEY_CACHE_MS and dropped on every replica at once through Redis when REDIS_URL is set, uses
 * reported at most once a minute per key.
 */
export function createApiKeys(options: {
  config: Pick<
    GatewayConfig,
    | 'API_KEY_PEPPER'
    | 'API_KEY_CACHE_MS'
    | 'API_KEY_SUBGRAPH'
    | 'INTERNAL_TOKEN_SECRET'
    | 'INTERNAL_TOKEN_PREVIOUS_SECRETS'
  >;
  supergraph: SupergraphTracker;
  redis: Redis | undefined;
  logger: Logger;
}): ApiKeys {
  const { config, supergraph, redis, logger } = options;
  const store = createApiKeyStoreClient({
    baseUrl: () => supergraph.current()?.routingUrls.get(config.API_KEY_SUBGRAPH),
    secrets: { current: config.INTERNAL_TOKEN_SECRET, previous: config.INTERNAL_TOKEN_PREVIOUS_SECRETS },
    logger,
  });
  const verdicts = createApiKeyVerdicts<StoredApiKey | null>({ ttlMs: config.API_KEY_CACHE_MS, redis });
  const verifier = createApiKeyVerifier({ lookup: store.lookup, verdicts, pepper: config.API_KEY_PEPPER });
  return {
    verify: async (secret) => {
      const caller = await verifier(secret);
      store.used(caller.apiKeyId);
      return caller;
    },
    revoke: (id) => verdicts.revoke(id),
    onRevoked: (listener) => verdicts.onRevoked(listener),
    recheckMs: Math.max(1_000, config.API_KEY_CACHE_MS),
    ready: verdicts.ready,
    close: () => verdicts.close(),
  };
}
