/**
 * Returns timestamps that strictly increase, even for writes in the same millisecond, so that "oldest first"
 * and "most recently active first" are total orders without a separate sequence column.
 */
export function createMonotonicClock(now: () => number = Date.now): () => Date {
  let last = 0;
  return () => {
    last = Math.max(now(), last + 1);
    return new Date(last);
  };
}
