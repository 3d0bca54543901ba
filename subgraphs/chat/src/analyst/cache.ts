/**
 * A small process-wide cache with a time to live, for data that is the same for every viewer (metric
 * definitions, the names of accounts, people and projects). Never for anything a viewer may not see.
 */

/** @default 5 minutes */
export const DIRECTORY_TTL_MS = 5 * 60_000;

interface Entry<T> {
  readonly expires: number;
  readonly value: Promise<T>;
}

export class TtlCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(private readonly ttlMs: number = DIRECTORY_TTL_MS) {}

  /** The cached value, or `load()`'s; a failed load is forgotten at once so the next call retries. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = load();
    this.#entries.set(key, { expires: now + this.ttlMs, value });
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
