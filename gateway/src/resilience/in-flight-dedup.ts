/**
 * Shares one in-flight call among identical callers: the first runs it, the others wait for its result and
 * get their own `copy` of it (the gateway merges later fetches into a response's objects, so requests must
 * not share them). Nothing is cached: the entry goes as soon as the call settles.
 */
export function createInFlightDedup<T>(copy: (value: T) => T) {
  const inFlight = new Map<string, Promise<T>>();
  return {
    run(key: string, call: () => Promise<T>, onShared?: () => void): Promise<T> {
      const running = inFlight.get(key);
      if (running) {
        onShared?.();
        return running.then(copy);
      }
      const started = call().finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
    get size(): number {
      return inFlight.size;
    },
  };
}
