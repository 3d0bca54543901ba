import { JsonDuckDBValueConverter, type DuckDBMaterializedResult } from '@duckdb/node-api';

/**
 * A materialized result's rows as JSON-safe objects (what `DuckDBResultReader.getRowObjectsJson` gives), read
 * without leaving the calling thread. The reader fetches each chunk, and then an empty one that says there
 * are no more, through the libuv thread pool: two extra hops for a one-chunk result, each waiting behind the
 * pool's queue and then for the event loop. A materialized result already holds its chunks, so they are read
 * here directly.
 */
export function rowObjectsJson<T>(result: DuckDBMaterializedResult): T[] {
  const names = result.deduplicatedColumnNames();
  const rows: Record<string, unknown>[] = [];
  for (let index = 0, chunks = result.chunkCount; index < chunks; index++) {
    const chunk = result.getChunk(index);
    for (let row = 0, count = chunk.rowCount; row < count; row++) {
      const object: Record<string, unknown> = {};
      chunk.visitRowValues(row, (value, _row, column, type) => {
        object[names[column]!] = JsonDuckDBValueConverter(value, type, JsonDuckDBValueConverter);
      });
      rows.push(object);
    }
  }
  return rows as T[];
}
