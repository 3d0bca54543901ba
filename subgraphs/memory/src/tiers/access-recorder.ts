/**
 * Counts reads in memory and writes them in batches (DESIGN §6: every hit updates access count and time, but
 * not one write per hit). `record` returns at once; `flush` hands the batch to `write`, which runs alone. A
 * failed write puts its counts back, so no read is lost to a transient error.
 */
export interface AccessRecorder {
  /** Counts one read of each id; returns the time recorded, ISO 8601. */
  record(ids: readonly string[]): string;
  /** Reads counted but not yet written, for one id (added to what the store says). */
  pending(id: string): { count: number; at: string } | undefined;
  /** Writes what is counted now. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  close(): Promise<void>;
}

export function createAccessRecorder(options: {
  readonly write: (reads: readonly { id: string; count: number; at: string }[]) => Promise<void>;
  /** How often counted reads are written. */
  readonly intervalMs: number;
  readonly onError: (error: unknown) => void;
  /** The store's clock, so access times and the maintenance loop's idle times agree. @default real time */
  readonly now?: () => Date;
}): AccessRecorder {
  let counted = new Map<string, { count: number; at: string }>();
  /** The batch being written: still pending until the write lands. */
  let inFlight = new Map<string, { count: number; at: string }>();
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    writing = writing.then(async () => {
      if (counted.size === 0) return;
      const batch = counted;
      counted = new Map();
      inFlight = batch;
      try {
        await options.write([...batch].map(([id, read]) => ({ id, ...read })));
        inFlight = new Map();
      } catch (error) {
        inFlight = new Map();
        for (const [id, read] of batch) {
          const later = counted.get(id);
          counted.set(id, { count: read.count + (later?.count ?? 0), at: later?.at ?? read.at });
        }
        options.onError(error);
      }
    });
    return writing;
  };
  const timer = setInterval(() => void flush(), options.intervalMs);
  timer.unref();

  return {
    record(ids) {
      const at = (options.now?.() ?? new Date()).toISOString();
      for (const id of ids) counted.set(id, { count: (counted.get(id)?.count ?? 0) + 1, at });
      return at;
    },
    pending(id) {
      const waiting = counted.get(id);
      const writing = inFlight.get(id);
      if (!waiting) return writing;
      return writing ? { count: waiting.count + writing.count, at: waiting.at } : waiting;
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
