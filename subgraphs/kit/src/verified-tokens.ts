import { LRUCache } from 'lru-cache';

/**
 * Verified tokens, remembered until they expire. Checking an HS256 signature goes through WebCrypto, about a
 * millisecond on a busy core, and every request through the gateway costs several of them (the caller's token
 * at the gateway, the viewer token at each subgraph). A token is the same bytes on every request that carries
 * it, so its verdict is too, until its `exp`; only successful verifications are kept, never a refusal.
 */
export class VerifiedTokens<T extends {}> {
  private readonly verified: LRUCache<string, T>;

  constructor(maxEntries = 10_000) {
    this.verified = new LRUCache<string, T>({ max: maxEntries, ttlAutopurge: false });
  }

  get(token: string): T | undefined {
    return this.verified.get(token);
  }

  /** Keeps `value` for `token` until `expiresAt` (seconds since the epoch, the JWT `exp`). */
  set(token: string, value: T, expiresAt: number | undefined): void {
    if (expiresAt === undefined) return;
    const ttl = expiresAt * 1000 - Date.now();
    if (ttl > 0) this.verified.set(token, value, { ttl });
  }
}
