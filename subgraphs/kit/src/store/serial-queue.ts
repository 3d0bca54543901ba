/**
 * Runs writes one after another. DuckDB aborts one of two transactions that update the same rows at once
 * ("conflict on update"), so a store whose writes may touch the same rows (the memory store: every search
 * updates access counts) sends them through one of these; a data directory belongs to one process.
 */
export function createSerialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };
}
