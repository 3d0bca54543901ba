import type { Redis } from 'ioredis';

/** Where a revoked key's id is announced to every gateway replica sharing REDIS_URL. */
export const API_KEY_REVOKED_CHANNEL = 'sophia:api-key-revoked';

/**
 * Verdicts on presented keys, kept a few seconds so a busy tool does not cost a lookup per request. A
 * revocation drops the verdict here at once and, through Redis, on every replica; without Redis (or while it
 * is away) the TTL alone bounds how long a revoked key keeps working on another replica.
 */
export interface ApiKeyVerdicts<V> {
  get(id: string): V | undefined;
  set(id: string, verdict: V): void;
  /** Drops the key everywhere; resolves once the announcement is published (or Redis refused it). */
  revoke(id: string): Promise<void>;
  /** Called with the id of every key revoked on any replica (open sockets close with 4403). */
  onRevoked(listener: (id: string) => void): void;
  /** Resolves once this replica hears other replicas' revocations (at once without Redis). */
  readonly ready: Promise<void>;
  close(): void;
}

export function createApiKeyVerdicts<V>(options: {
  ttlMs: number;
  redis?: Redis | undefined;
  now?: () => number;
}): ApiKeyVerdicts<V> {
  const { ttlMs, redis, now = Date.now } = options;
  const verdicts = new Map<string, { verdict: V; until: number }>();
  const listeners: Array<(id: string) => void> = [];
  const forget = (id: string) => {
    verdicts.delete(id);
    for (const listener of listeners) listener(id);
  };
  // Subscribing takes a connection of its own; it queues until connected, unlike the shared one.
  const subscriber = redis?.duplicate({ enableOfflineQueue: true });
  subscriber?.on('message', (channel: string, id: string) => {
    if (channel === API_KEY_REVOKED_CHANNEL) forget(id);
  });
  subscriber?.on('error', () => undefined); // the shared connection already logs Redis being away
  const ready = subscriber
    ? subscriber.subscribe(API_KEY_REVOKED_CHANNEL).then(() => undefined)
    : Promise.resolve();
  return {
    get: (id) => {
      const entry = verdicts.get(id);
      if (entry && entry.until > now()) return entry.verdict;
      verdicts.delete(id);
      return undefined;
    },
    set: (id, verdict) => {
      // Bounded: a flood of distinct unknown ids must not grow the map without end.
      if (verdicts.size >= 10_000) verdicts.delete(verdicts.keys().next().value!);
      verdicts.set(id, { verdict, until: now() + ttlMs });
    },
    revoke: async (id) => {
      forget(id);
      await redis?.publish(API_KEY_REVOKED_CHANNEL, id).catch(() => undefined);
    },
    onRevoked: (listener) => void listeners.push(listener),
    ready,
    close: () => subscriber?.disconnect(),
  };
}
