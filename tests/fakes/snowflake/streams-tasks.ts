import { compilationError, objectMissing } from './errors.ts';

/**
 * Streams and tasks of the FAKE.
 *
 * A stream `S ON TABLE T` keeps its offset as a snapshot table `__STREAM_BASE_S` (a copy of T when the offset
 * was last taken). Reading S gives the net change set: rows in T not in the snapshot are INSERTs, rows in the
 * snapshot not in T are DELETEs; an UPDATE is the pair, flagged METADATA$ISUPDATE when T declared a primary
 * key (Snowflake does not enforce it, but records it, and so does the FAKE). A DML statement that reads S
 * advances the offset in the same transaction, so a ROLLBACK keeps the changes in the stream, as in Snowflake.
 *
 * A task is stored; `EXECUTE TASK` runs its WHEN check and body at once (Snowflake queues the run), which
 * gives tests a deterministic hook. With `taskIntervalMs`, the FAKE also runs every resumed task on that
 * interval, whatever its SCHEDULE says (a compressed clock for end-to-end runs).
 */
export interface StreamDefinition {
  name: string;
  /** The table as written in CREATE STREAM (qualified or not). */
  table: string;
  /** The offset snapshot, in the stream's schema. */
  base: string;
  key: string[];
}

export interface TaskDefinition {
  name: string;
  when: string | undefined;
  body: string;
  state: 'started' | 'suspended';
}

export interface TaskRun {
  name: string;
  state: 'SUCCEEDED' | 'SKIPPED' | 'FAILED';
  error?: string;
}

export class ChangeCapture {
  private readonly streams = new Map<string, StreamDefinition>();
  private readonly tasks = new Map<string, TaskDefinition>();
  /** Declared primary keys by bare upper-case table name. */
  private readonly keys = new Map<string, string[]>();
  readonly taskRuns: TaskRun[] = [];

  recordPrimaryKey(table: string, columns: string[]): void {
    if (columns.length > 0) this.keys.set(bareName(table), columns);
    else this.keys.delete(bareName(table));
  }

  defineStream(name: string, table: string, replace: boolean): StreamDefinition {
    const key = bareName(name);
    if (this.streams.has(key) && !replace) throw compilationError(`Object '${key}' already exists.`);
    const schema = name.includes('.') ? `${name.slice(0, name.lastIndexOf('.'))}.` : '';
    const stream = {
      name: key,
      table,
      base: `${schema}"__STREAM_BASE_${key}"`,
      key: this.keys.get(bareName(table)) ?? [],
    };
    this.streams.set(key, stream);
    return stream;
  }

  dropStream(name: string, ifExists: boolean): StreamDefinition | undefined {
    const stream = this.streams.get(bareName(name));
    if (!stream && !ifExists)
      throw objectMissing(`Stream '${bareName(name)}' does not exist or not authorized.`);
    this.streams.delete(bareName(name));
    return stream;
  }

  stream(name: string): StreamDefinition | undefined {
    return this.streams.get(name);
  }

  /** The change set with Snowflake's METADATA$ columns. */
  streamQuery(name: string): string | undefined {
    const s = this.streams.get(name);
    if (!s) return undefined;
    const on = (a: string, b: string) =>
      s.key.map((k) => `${a}."${k}" IS NOT DISTINCT FROM ${b}."${k}"`).join(' AND ');
    const isUpdate = (self: string, other: string) =>
      s.key.length ? `EXISTS (SELECT 1 FROM ${other} WHERE ${on(other, self)})` : 'FALSE';
    const rowId = (self: string) =>
      s.key.length
        ? `md5(concat_ws('|', ${s.key.map((k) => `${self}."${k}"`).join(', ')}))`
        : 'NULL::VARCHAR';
    return (
      `WITH "__INS" AS (SELECT * FROM ${s.table} EXCEPT ALL SELECT * FROM ${s.base}), ` +
      `"__DEL" AS (SELECT * FROM ${s.base} EXCEPT ALL SELECT * FROM ${s.table}) ` +
      `SELECT "__INS".*, 'INSERT' AS "METADATA$ACTION", ${isUpdate('"__INS"', '"__DEL"')} AS "METADATA$ISUPDATE", ` +
      `${rowId('"__INS"')} AS "METADATA$ROW_ID" FROM "__INS" UNION ALL ` +
      `SELECT "__DEL".*, 'DELETE', ${isUpdate('"__DEL"', '"__INS"')}, ${rowId('"__DEL"')} FROM "__DEL"`
    );
  }

  streamHasData(name: string): string | undefined {
    const s = this.streams.get(name);
    if (!s) return undefined;
    return (
      `(EXISTS (SELECT * FROM ${s.table} EXCEPT ALL SELECT * FROM ${s.base}) ` +
      `OR EXISTS (SELECT * FROM ${s.base} EXCEPT ALL SELECT * FROM ${s.table}))`
    );
  }

  /** Statements that move a stream's offset to now (run in the consuming statement's transaction). */
  advanceStatements(name: string): string[] {
    const s = this.streams.get(name)!;
    return [`DELETE FROM ${s.base}`, `INSERT INTO ${s.base} SELECT * FROM ${s.table}`];
  }

  defineTask(task: TaskDefinition, replace: boolean): void {
    if (this.tasks.has(task.name) && !replace)
      throw compilationError(`Object '${task.name}' already exists.`);
    this.tasks.set(task.name, task);
  }

  /** Tasks that were resumed (ALTER TASK … RESUME): the ones a schedule would run. */
  startedTasks(): TaskDefinition[] {
    return [...this.tasks.values()].filter((task) => task.state === 'started');
  }

  task(name: string): TaskDefinition {
    const task = this.tasks.get(bareName(name));
    if (!task) throw objectMissing(`Task '${bareName(name)}' does not exist or not authorized.`);
    return task;
  }

  dropTask(name: string, ifExists: boolean): void {
    if (!this.tasks.delete(bareName(name)) && !ifExists) this.task(name);
  }
}

/** `DB.SCHEMA."Name"` → `Name`; unquoted parts fold to upper case. */
export function bareName(qualified: string): string {
  const last = (qualified.split('.').at(-1) ?? qualified).trim();
  return last.startsWith('"') ? last.slice(1, -1) : last.toUpperCase();
}
