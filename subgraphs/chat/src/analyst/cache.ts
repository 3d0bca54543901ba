/**
 * A small process-wide cache with a time to live, for the directory of names (metric definitions,
 * accounts, people, projects). Keys carry the viewer, so one viewer's view is never lent to another.
 */

/** @default 60 seconds: a new hire or account is recognised within a minute. */
export const DIRECTORY_TTL_MS = 60_000;
/** @default 1000: past this many entries, expired ones are dropped on the next store. */
const SWEEP_AT = 1000;

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
    if (this.#entries.size >= SWEEP_AT) {
      for (const [key, entry] of this.#entries) if (entry.expires <= now) this.#entries.delete(key);
    }
    this.#entries.set(key, { expires: now + this.ttlMs, value });
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
