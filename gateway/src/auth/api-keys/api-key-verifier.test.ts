import { describe, expect, it } from 'vitest';
import { API_KEY_PREFIX, issueApiKey } from '@sophia/kit';
import { createApiKeyVerdicts } from './api-key-verdicts.ts';
import { ApiKeyRefused, createApiKeyVerifier, type StoredApiKey } from './api-key-verifier.ts';

const PEPPER = 'a-pepper-of-at-least-thirty-two-bytes!!';

function setUp() {
  let now = 10_000;
  const store = new Map<string, StoredApiKey>();
  let lookups = 0;
  const verdicts = createApiKeyVerdicts<StoredApiKey | null>({ ttlMs: 5_000, now: () => now });
  const verify = createApiKeyVerifier({
    lookup: async (id) => {
      lookups++;
      return store.get(id);
    },
    verdicts,
    pepper: PEPPER,
    now: () => now,
  });
  const add = (overrides: Partial<StoredApiKey> = {}) => {
    const key = issueApiKey(PEPPER);
    store.set(key.id, {
      id: key.id,
      hash: key.hash,
      scopes: ['sales:read'],
      owner: { userId: 'usr_admin', roles: ['admin', 'exec'], scopes: [] },
      revoked: false,
      ...overrides,
    });
    return key;
  };
  return { verify, verdicts, store, add, lookups: () => lookups, advance: (ms: number) => (now += ms) };
}

describe('API key verifier', () => {
  it('makes a valid key act as its creator, limited to its own scopes and never as an admin', async () => {
    const { verify, add } = setUp();
    const key = add({ expiresAt: 60_000 });
    await expect(verify(key.secret)).resolves.toEqual({
      viewer: { userId: 'usr_admin', roles: ['exec'], scopes: ['sales:read'] },
      apiKeyId: key.id,
      expiresAt: 60_000,
    });
  });

  it('refuses unknown, forged, malformed, expired and revoked keys alike', async () => {
    const { verify, add, store, verdicts } = setUp();
    const valid = add();
    const expired = add({ expiresAt: 9_000 });
    const unknown = issueApiKey(PEPPER);
    const forged = `${API_KEY_PREFIX}${valid.id}_${'B'.repeat(43)}`;
    for (const secret of [unknown.secret, forged, `${API_KEY_PREFIX}nope`, expired.secret]) {
      await expect(verify(secret)).rejects.toThrow(new ApiKeyRefused('Invalid API key.'));
    }
    store.set(valid.id, { ...store.get(valid.id)!, revoked: true });
    await verdicts.revoke(valid.id);
    await expect(verify(valid.secret)).rejects.toThrow(ApiKeyRefused);
  });

  it('looks a key up once per TTL, so a revocation nobody announced still lands within it', async () => {
    const { verify, add, store, lookups, advance } = setUp();
    const key = add();
    await verify(key.secret);
    await verify(key.secret);
    expect(lookups()).toBe(1);
    store.set(key.id, { ...store.get(key.id)!, revoked: true });
    await expect(verify(key.secret)).resolves.toMatchObject({ apiKeyId: key.id });
    advance(5_000);
    await expect(verify(key.secret)).rejects.toThrow(ApiKeyRefused);
    expect(lookups()).toBe(2);
  });
});
