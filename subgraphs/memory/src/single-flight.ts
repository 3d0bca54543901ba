/**
 * Concurrent calls with the same key share one run of `work`; the next call after it settles runs it again.
 * Nothing is kept once a run settles, so an answer is never older than the call that asked for it.
 */
export function singleFlight<T>(work: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key) => {
    const known = running.get(key);
    if (known) return known;
    const run = work(key).finally(() => running.delete(key));
    running.set(key, run);
    return run;
  };
}
