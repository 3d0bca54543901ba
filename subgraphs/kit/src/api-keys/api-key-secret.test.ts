import { describe, expect, it } from 'vitest';
import {
  API_KEY_PREFIX,
  apiKeyIdOf,
  apiKeyMatches,
  hashApiKey,
  issueApiKey,
  looksLikeApiKey,
} from './api-key-secret.ts';

const PEPPER = 'a-pepper-of-at-least-thirty-two-bytes!!';

describe('API key secrets', () => {
  it('issues a prefixed secret whose id can be read back, and stores only its HMAC', () => {
    const key = issueApiKey(PEPPER);
    expect(key.secret.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(looksLikeApiKey(key.secret)).toBe(true);
    expect(apiKeyIdOf(key.secret)).toBe(key.id);
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.hash).not.toContain(key.secret.slice(API_KEY_PREFIX.length + 17));
    expect(apiKeyMatches(key.secret, key.hash, PEPPER)).toBe(true);
  });

  it('gives every key a different secret with at least 32 random bytes', () => {
    const secrets = new Set(Array.from({ length: 200 }, () => issueApiKey(PEPPER).secret));
    expect(secrets.size).toBe(200);
    const random = issueApiKey(PEPPER).secret.split('_').slice(3).join('_');
    expect(Buffer.from(random, 'base64url').length).toBe(32);
  });

  it('refuses a forged secret for a real id, the right secret under another pepper, and a truncated hash', () => {
    const key = issueApiKey(PEPPER);
    const forged = `${API_KEY_PREFIX}${key.id}_${'A'.repeat(43)}`;
    expect(apiKeyIdOf(forged)).toBe(key.id);
    expect(apiKeyMatches(forged, key.hash, PEPPER)).toBe(false);
    expect(apiKeyMatches(key.secret, key.hash, `${PEPPER}-rotated`)).toBe(false);
    expect(apiKeyMatches(key.secret, key.hash.slice(0, 32), PEPPER)).toBe(false);
    expect(hashApiKey(key.secret, PEPPER)).toBe(key.hash);
  });

  it('does not take other tokens for keys', () => {
    expect(apiKeyIdOf('eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBeUndefined();
    expect(apiKeyIdOf(`${API_KEY_PREFIX}short`)).toBeUndefined();
    expect(apiKeyIdOf(`${API_KEY_PREFIX}0123456789abcdef_${'A'.repeat(44)}`)).toBeUndefined();
    expect(looksLikeApiKey('sk_live_123')).toBe(false);
  });
});
