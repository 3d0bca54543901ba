/** At most `limit` tasks run at once; the rest wait in arrival order. */
export function createSemaphore(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const freed: (() => void)[] = [];
  return {
    /** Resolves once a task could start at once (it does not take the slot). */
    whenFree(): Promise<void> {
      if (running < limit) return Promise.resolve();
      return new Promise<void>((resolve) => freed.push(resolve));
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      else running += 1;
      try {
        return await task();
      } finally {
        // Hand the slot straight to the next waiter so `running` never dips below the true count.
        const next = waiting.shift();
        if (next) next();
        else {
          running -= 1;
          for (const resolve of freed.splice(0)) resolve();
        }
      }
    },
    get running() {
      return running;
    },
  };
}
