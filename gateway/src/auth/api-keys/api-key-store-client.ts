import {
  API_KEY_LOOKUP_PATH,
  API_KEY_USED_PATH,
  HttpError,
  signKeyLookupToken,
  type ApiKeyRecord,
  type Logger,
  type SecretsInput,
} from '@sophia/kit';
import type { StoredApiKey } from './api-key-verifier.ts';

/** A replica reports a key's use at most this often: last use is for people, not an audit log. */
const USED_EVERY_MS = 60_000;
const TIMEOUT_MS = 5_000;
/**
 * Lookups one replica has in flight at most. Anyone can present a key-shaped string with a made-up id, and
 * each new id costs a call to the key store: beyond this, such callers are answered 503 at once instead of
 * queueing work on the store (a valid key's verdict is cached, so busy tools hardly ever look up).
 */
const MAX_LOOKUPS_IN_FLIGHT = 32;

export interface ApiKeyStoreClient {
  /** The key's record, or undefined when no key has that id. Throws 503 when the store cannot answer. */
  lookup(id: string): Promise<StoredApiKey | undefined>;
  /** Records a use, throttled per key; never waits and never fails the request. */
  used(id: string): void;
}

/**
 * Reads keys from the key store's internal routes (the project subgraph) with the gateway's own `key-lookup`
 * credential: the only caller those routes accept. `baseUrl` is read per call, so a supergraph reload that
 * moves the subgraph is followed.
 */
export function createApiKeyStoreClient(options: {
  baseUrl: () => string | undefined;
  secrets: SecretsInput;
  logger: Logger;
  now?: () => number;
}): ApiKeyStoreClient {
  const { baseUrl, secrets, logger, now = Date.now } = options;
  const reported = new Map<string, number>();
  // Concurrent requests with the same key share one lookup.
  const inFlight = new Map<string, Promise<StoredApiKey | undefined>>();
  const unavailable = () =>
    new HttpError(503, 'DOWNSTREAM_SERVICE_ERROR', 'API keys cannot be checked right now; retry.');
  const post = async (path: string, id: string): Promise<Response> => {
    const base = baseUrl();
    if (!base) throw new Error('the API key store is not in the supergraph');
    return fetch(new URL(path, base), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await signKeyLookupToken(secrets)}`,
      },
      body: JSON.stringify({ id }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  };
  const lookup = async (id: string): Promise<StoredApiKey | undefined> => {
    let record: ApiKeyRecord | null;
    try {
      const response = await post(API_KEY_LOOKUP_PATH, id);
      if (!response.ok) throw new Error(`the API key store answered HTTP ${response.status}`);
      record = ((await response.json()) as { key: ApiKeyRecord | null }).key;
    } catch (error) {
      logger.warn({ err: error }, 'API key lookup failed');
      throw unavailable();
    }
    if (!record) return undefined;
    return {
      id: record.id,
      hash: record.hash,
      scopes: record.scopes,
      owner: { userId: record.ownerId, roles: record.ownerRoles, scopes: [] },
      expiresAt: record.expiresAt,
      revoked: record.revoked,
    };
  };
  return {
    lookup: (id) => {
      const shared = inFlight.get(id);
      if (shared) return shared;
      if (inFlight.size >= MAX_LOOKUPS_IN_FLIGHT) {
        return Promise.reject(unavailable());
      }
      const pending = lookup(id).finally(() => inFlight.delete(id));
      inFlight.set(id, pending);
      return pending;
    },
    used: (id) => {
      const at = now();
      if ((reported.get(id) ?? -Infinity) > at - USED_EVERY_MS) return;
      if (reported.size >= 10_000) reported.clear(); // bounded; the worst case is a few extra reports
      reported.set(id, at);
      post(API_KEY_USED_PATH, id)
        .then((response) => void response.body?.cancel())
        .catch((error: unknown) => logger.warn({ err: error }, 'API key use not recorded'));
    },
  };
}
