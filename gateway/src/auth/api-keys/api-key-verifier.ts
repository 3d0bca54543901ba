import { ADMIN_ROLE, apiKeyIdOf, apiKeyMatches, type Viewer } from '@sophia/kit';
import type { ApiKeyVerdicts } from './api-key-verdicts.ts';

/** A key as its store keeps it: never the secret, only its hash. */
export interface StoredApiKey {
  readonly id: string;
  readonly hash: string;
  readonly scopes: readonly string[];
  /** The admin who created it: the key acts as this viewer, limited to `scopes`. */
  readonly owner: Viewer & { readonly userId: string };
  /** Ms since the epoch; undefined: no expiry. */
  readonly expiresAt?: number | undefined;
  readonly revoked: boolean;
}

/** What a valid key makes of its caller. */
export interface ApiKeyCaller {
  readonly viewer: Viewer;
  readonly apiKeyId: string;
  readonly expiresAt?: number | undefined;
}

export class ApiKeyRefused extends Error {
  override name = 'ApiKeyRefused';
}

/**
 * Verifies a presented key: its shape, then its store record (looked up by the public id and cached in
 * `verdicts` a few seconds, so a revocation takes effect within that TTL even where no announcement arrives),
 * then its hash in constant time, expiry and revocation. Every refusal reads the same, so the answer tells an
 * attacker nothing about which ids exist. The key's viewer has its owner's roles less `admin` (a key never
 * manages keys, nor does anything else only an admin may) and the key's own scopes.
 */
export function createApiKeyVerifier(options: {
  lookup: (id: string) => Promise<StoredApiKey | undefined>;
  verdicts: ApiKeyVerdicts<StoredApiKey | null>;
  pepper: string;
  now?: () => number;
}): (secret: string) => Promise<ApiKeyCaller> {
  const { lookup, verdicts, pepper, now = Date.now } = options;
  const refused = () => new ApiKeyRefused('Invalid API key.');
  return async (secret) => {
    const id = apiKeyIdOf(secret);
    if (!id) throw refused();
    let stored = verdicts.get(id);
    if (stored === undefined) {
      stored = (await lookup(id)) ?? null;
      verdicts.set(id, stored);
    }
    if (!stored || stored.revoked || !apiKeyMatches(secret, stored.hash, pepper)) throw refused();
    if (stored.expiresAt !== undefined && stored.expiresAt <= now()) throw refused();
    return {
      viewer: Object.freeze({
        userId: stored.owner.userId,
        roles: stored.owner.roles.filter((role) => role !== ADMIN_ROLE),
        scopes: stored.scopes,
      }),
      apiKeyId: stored.id,
      expiresAt: stored.expiresAt,
    };
  };
}
