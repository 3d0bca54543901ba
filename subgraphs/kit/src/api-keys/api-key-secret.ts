import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every Sophia API key starts with this, so secret scanners (GitHub, gitleaks) can recognise a leaked one. */
export const API_KEY_PREFIX = 'sk_sophia_';

/** `sk_sophia_<id>_<secret>`: the id is public (listed, logged, rate-limited); the rest is 32 random bytes. */
const API_KEY_PATTERN = /^sk_sophia_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** A key as handed to its creator exactly once; only `hash` is ever stored. */
export interface IssuedApiKey {
  readonly id: string;
  readonly secret: string;
  readonly hash: string;
}

/**
 * Issues a key. The hash is an HMAC keyed with a pepper held outside the store (a secret variable), so a
 * leaked table of hashes cannot be checked offline without it.
 */
export function issueApiKey(pepper: string): IssuedApiKey {
  const id = randomBytes(8).toString('hex');
  const secret = `${API_KEY_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
  return { id, secret, hash: hashApiKey(secret, pepper) };
}

/** The key's id when `token` has an API key's shape, else undefined (it is some other kind of token). */
export function apiKeyIdOf(token: string): string | undefined {
  return API_KEY_PATTERN.exec(token)?.[1];
}

export const looksLikeApiKey = (token: string): boolean => token.startsWith(API_KEY_PREFIX);

export function hashApiKey(secret: string, pepper: string): string {
  return createHmac('sha256', pepper).update(secret).digest('hex');
}

/** Compares in constant time: how much of a guess was right must not show in how long the answer takes. */
export function apiKeyMatches(secret: string, storedHash: string, pepper: string): boolean {
  const presented = Buffer.from(hashApiKey(secret, pepper), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
