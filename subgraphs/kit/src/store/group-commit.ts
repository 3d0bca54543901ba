/**
 * Group commit: concurrent writes that arrive while the store is busy are written together, in one
 * transaction, as soon as it is free. A DuckDB commit costs far more than a row, so 500 concurrent `remember`
 * calls become a handful of transactions instead of 500 queued ones — which also keeps their requests inside
 * the gateway's timeout.
 *
 * `commit` gets the waiting items (at most `maxItems`) and returns one result per item, in order. When a
 * batch of several fails, each of its items is retried alone, so one bad item fails only its own caller.
 */
export function createGroupCommit<Item, Result>(options: {
  readonly commit: (items: readonly Item[]) => Promise<Result[]>;
  /** Runs the commit exclusively (the store's serial write queue); the batch is taken once it runs. */
  readonly exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  /** @default 256 */
  readonly maxItems?: number;
  /**
   * Why an item is no longer wanted (its request has given up), asked as its batch is taken: such an item is
   * refused with that reason instead of written, so it neither fails nor splits the batch of the others.
   */
  readonly abandoned?: (item: Item) => unknown;
}): (item: Item) => Promise<Result> {
  const maxItems = options.maxItems ?? 256;
  const waiting: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;

  const settle = async (batch: typeof waiting) => {
    try {
      const results = await options.commit(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => entry.resolve(results[i] as Result));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const entry of batch) await settle([entry]);
    }
  };

  const take = () => {
    const wanted = waiting.splice(0, maxItems).filter((entry) => {
      const reason = options.abandoned?.(entry.item);
      if (reason !== undefined) entry.reject(reason);
      return reason === undefined;
    });
    return wanted.length > 0 ? settle(wanted) : Promise.resolve();
  };

  const schedule = () => {
    scheduled = true;
    void options.exclusive(take).finally(() => (waiting.length > 0 ? schedule() : (scheduled = false)));
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!scheduled) schedule();
    });
}
