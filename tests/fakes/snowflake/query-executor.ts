import { setTimeout as sleep } from 'node:timers/promises';
import type { DuckDBPreparedStatement, DuckDBValue } from '@duckdb/node-api';
import { StatementType } from '@duckdb/node-api';
import { insertArrayBind } from './array-binds.ts';
import { refuseDuckDbOnly } from './dialect-guard.ts';
import { createFunction, createStream, createTable, createTask, createdKind, objectName } from './ddl.ts';
import {
  compilationError,
  faultFromDuckDb,
  objectMissing,
  SnowflakeFault,
  statementCanceled,
  statementTimeout,
} from './errors.ts';
import {
  encodeCount,
  encodeRows,
  encodeStatus,
  STATEMENT_TYPE,
  type EncodedResult,
} from './result-encoder.ts';
import type { Session } from './sessions.ts';
import { identifierName, isWord, meaningful, tokenize, type Token } from './sql-tokens.ts';
import { RewriteError, rewriteSql, type RewriteContext } from './sql-rewriter.ts';
import { bareName, type ChangeCapture } from './streams-tasks.ts';

/** Why a running statement was stopped: `stmt.cancel()` (abort-request) or STATEMENT_TIMEOUT_IN_SECONDS. */
export type StopReason = { kind: 'cancel' } | { kind: 'timeout'; seconds: number };

const DML_TYPES: Readonly<Partial<Record<StatementType, number>>> = {
  [StatementType.INSERT]: STATEMENT_TYPE.INSERT,
  [StatementType.UPDATE]: STATEMENT_TYPE.UPDATE,
  [StatementType.DELETE]: STATEMENT_TYPE.DELETE,
  [StatementType.MERGE_INTO]: STATEMENT_TYPE.MERGE,
};
const DDL_TYPES = new Set([
  StatementType.CREATE,
  StatementType.ALTER,
  StatementType.DROP,
  StatementType.CREATE_FUNC,
]);
/** Account objects the FAKE accepts and ignores: it has one database, no warehouses and no access control. */
const ACCOUNT_OBJECTS = [
  'WAREHOUSE',
  'ROLE',
  'USER',
  'DATABASE',
  'RESOURCE',
  'NETWORK',
  'INTEGRATION',
  'SECURITY',
];
const WAIT_UNITS: Readonly<Record<string, number>> = {
  SECONDS: 1000,
  MILLISECONDS: 1,
  MINUTES: 60_000,
  HOURS: 3_600_000,
};

const ok = (type: number, status = 'Statement executed successfully.') => encodeStatus(type, status);

/**
 * Runs one Snowflake statement on a session's DuckDB connection: statements the FAKE keeps itself (session
 * parameters, streams, tasks, account objects), and everything else rewritten to DuckDB SQL.
 */
export class QueryExecutor {
  readonly databases = new Set<string>();
  private readonly rewriteContext: RewriteContext;

  constructor(
    private readonly capture: ChangeCapture,
    private readonly taskSession: () => Promise<Session>,
  ) {
    this.rewriteContext = {
      streamQuery: (name) => capture.streamQuery(name),
      streamHasData: (name) => capture.streamHasData(name),
      databases: this.databases,
    };
  }

  async run(
    session: Session,
    sql: string,
    rows: DuckDBValue[][],
    signal: AbortSignal,
  ): Promise<EncodedResult> {
    const tokens = meaningful(tokenize(sql));
    const word = (i: number) => (tokens[i]?.kind === 'word' ? tokens[i].text.toUpperCase() : '');
    try {
      refuseDuckDbOnly(tokens);
      switch (word(0)) {
        case 'BEGIN':
        case 'START':
          return await this.transaction(session, 'BEGIN TRANSACTION');
        case 'COMMIT':
        case 'ROLLBACK':
          return await this.transaction(session, word(0));
        case 'USE':
          return await this.use(session, tokens);
        case 'GRANT':
        case 'REVOKE':
          return ok(STATEMENT_TYPE.DDL);
        case 'EXECUTE':
          if (word(1) === 'TASK') return await this.executeTask(objectName(tokens, 2).name, signal);
          break;
        case 'ALTER':
          if (word(1) === 'SESSION') return this.alterSession(session, tokens);
          if (word(1) === 'TASK') return this.alterTask(tokens);
          break;
        case 'DROP':
          if (word(1) === 'STREAM') return await this.dropStream(session, tokens);
          if (word(1) === 'TASK') {
            this.capture.dropTask(objectName(tokens, 2 + ifExists(tokens, 2)).name, ifExists(tokens, 2) > 0);
            return ok(STATEMENT_TYPE.DDL);
          }
          break;
        case 'SELECT':
        case 'CALL':
          if (word(1) === 'SYSTEM$WAIT') return await this.wait(tokens, signal);
          break;
      }
      if (
        ACCOUNT_OBJECTS.some(
          (kind) => createdKind(tokens, kind) > 0 || (word(0) !== 'CREATE' && word(1) === kind),
        )
      ) {
        if (createdKind(tokens, 'DATABASE') > 0)
          this.databases.add(bareName(objectName(tokens, createdKind(tokens, 'DATABASE')).name));
        return ok(STATEMENT_TYPE.DDL);
      }
      const stream = createStream(tokens);
      if (stream) return await this.createStream(session, stream, signal);
      const task = createTask(tokens);
      if (task) {
        const name = bareName(task.name);
        this.capture.defineTask({ name, when: task.when, body: task.body, state: 'suspended' }, task.replace);
        return ok(STATEMENT_TYPE.DDL, `Task ${name} successfully created.`);
      }
      const fn = createFunction(tokens);
      if (fn) {
        const body = this.rewrite(fn.body).sql;
        const macro = `CREATE OR REPLACE MACRO ${fn.name}(${fn.parameters.join(', ')}) AS ${fn.returnsTable ? `TABLE ${body}` : `(${body})`}`;
        await this.duckdb(session, macro, [[]], signal);
        return ok(STATEMENT_TYPE.DDL, `Function ${bareName(fn.name)} successfully created.`);
      }
      const table = createTable(tokens);
      if (table) {
        for (const statement of table.before) await this.duckdb(session, statement, [[]], signal);
        const result = await this.duckdb(session, this.rewrite(table.sql).sql, [[]], signal);
        this.capture.recordPrimaryKey(table.table, table.primaryKey);
        return result.statementTypeId === STATEMENT_TYPE.DDL
          ? ok(STATEMENT_TYPE.DDL, `Table ${bareName(table.table)} successfully created.`)
          : result;
      }
      const rewritten = this.rewrite(sql);
      return await this.duckdb(session, rewritten.sql, rows, signal, rewritten.streams);
    } catch (error) {
      if (signal.aborted) throw stopFault(signal.reason as StopReason);
      throw faultFromDuckDb(error);
    }
  }

  private rewrite(sql: string) {
    try {
      return rewriteSql(sql, this.rewriteContext);
    } catch (error) {
      if (error instanceof RewriteError) throw objectMissing(error.message);
      throw error;
    }
  }

  /**
   * Runs DuckDB SQL, once per bind row. Reading a stream from DML moves its offset in the same transaction;
   * several rows of an array bind are one statement in Snowflake, so they land together or not at all.
   */
  private async duckdb(
    session: Session,
    sql: string,
    rows: DuckDBValue[][],
    signal: AbortSignal,
    streams: readonly string[] = [],
  ): Promise<EncodedResult> {
    const connection = session.connection;
    const onAbort = () => connection.interrupt();
    signal.addEventListener('abort', onAbort, { once: true });
    let prepared: DuckDBPreparedStatement | undefined;
    let ownTransaction = false;
    try {
      prepared = await connection.prepare(sql);
      const type = prepared.statementType;
      const dml = DML_TYPES[type];
      if (DDL_TYPES.has(type) && session.inTransaction) {
        // Snowflake commits the open transaction before any DDL statement.
        await connection.run('COMMIT');
        session.inTransaction = false;
      }
      const consumes = streams.length > 0 && (dml !== undefined || type === StatementType.CREATE);
      ownTransaction = !session.inTransaction && (consumes || rows.length > 1);
      if (ownTransaction) await connection.run('BEGIN TRANSACTION');
      let result: EncodedResult;
      if (dml === undefined && prepared.columnCount > 0 && type !== StatementType.CREATE) {
        if (prepared.parameterCount > 0) prepared.bind(rows[0] ?? []);
        result = encodeRows(await prepared.runAndReadAll());
      } else {
        // An array bind is one statement in Snowflake: run it as multi-row INSERTs where the shape allows.
        const bulk =
          type === StatementType.INSERT && rows.length > 1
            ? await insertArrayBind(connection, sql, rows)
            : undefined;
        let changed = bulk ?? 0;
        for (const row of bulk === undefined ? rows : []) {
          if (prepared.parameterCount > 0) prepared.bind(row);
          changed += (await prepared.run()).rowsChanged;
        }
        result =
          dml !== undefined
            ? encodeCount(dml, changed)
            : ok(DDL_TYPES.has(type) ? STATEMENT_TYPE.DDL : STATEMENT_TYPE.SESSION);
      }
      if (consumes) {
        for (const stream of new Set(streams)) {
          for (const statement of this.capture.advanceStatements(stream)) await connection.run(statement);
        }
      }
      if (ownTransaction) await connection.run('COMMIT');
      return result;
    } catch (error) {
      if (ownTransaction) await connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
      prepared?.destroySync();
    }
  }

  private async transaction(session: Session, statement: string): Promise<EncodedResult> {
    // Snowflake ignores BEGIN inside a transaction and COMMIT/ROLLBACK outside one; DuckDB refuses both.
    const begins = statement.startsWith('BEGIN');
    if (begins !== session.inTransaction) {
      await session.connection.run(statement);
      session.inTransaction = begins;
    }
    return ok(STATEMENT_TYPE.TRANSACTION);
  }

  private async use(session: Session, tokens: Token[]): Promise<EncodedResult> {
    const kind = tokens[1]?.text.toUpperCase() ?? '';
    if (['WAREHOUSE', 'ROLE', 'SECONDARY'].includes(kind)) return ok(STATEMENT_TYPE.SESSION);
    const named = kind === 'SCHEMA' || kind === 'DATABASE' ? 2 : 1;
    const parts = objectName(tokens, named).name.split('.');
    if (kind === 'DATABASE') {
      if (!this.databases.has(bareName(parts[0]!)))
        throw objectMissing('Object does not exist, or operation cannot be performed.');
      return ok(STATEMENT_TYPE.SESSION);
    }
    await session.connection.run(`USE ${parts.at(-1)}`).catch(() => {
      throw new SnowflakeFault(
        '002043',
        '02000',
        'SQL compilation error:\nObject does not exist, or operation cannot be performed.',
      );
    });
    return ok(STATEMENT_TYPE.SESSION);
  }

  private alterSession(session: Session, tokens: Token[]): EncodedResult {
    const unset = isWord(tokens[2], 'UNSET');
    for (let i = 3; i < tokens.length; i++) {
      const name = identifierName(tokens[i]!);
      if (unset) session.parameters.delete(name);
      else {
        const value = tokens[i + 2];
        if (tokens[i + 1]?.text !== '=' || !value)
          throw compilationError(`syntax error near '${tokens[i]!.text}'`);
        session.parameters.set(
          name,
          value.kind === 'string' ? value.text.slice(1, -1).replaceAll("''", "'") : value.text,
        );
        i += 2;
      }
      if (tokens[i + 1]?.text === ',') i++;
    }
    return ok(STATEMENT_TYPE.SESSION);
  }

  private alterTask(tokens: Token[]): EncodedResult {
    const { name, next } = objectName(tokens, 2 + ifExists(tokens, 2));
    const task = this.capture.task(name);
    if (isWord(tokens[next], 'RESUME')) task.state = 'started';
    else if (isWord(tokens[next], 'SUSPEND')) task.state = 'suspended';
    else throw compilationError('the FAKE supports ALTER TASK … RESUME | SUSPEND only');
    return ok(STATEMENT_TYPE.DDL);
  }

  private async createStream(
    session: Session,
    stream: NonNullable<ReturnType<typeof createStream>>,
    signal: AbortSignal,
  ): Promise<EncodedResult> {
    const name = bareName(stream.name);
    if (stream.ifNotExists && this.capture.stream(name)) return ok(STATEMENT_TYPE.DDL);
    const definition = this.capture.defineStream(stream.name, this.rewrite(stream.table).sql, stream.replace);
    await this.duckdb(
      session,
      `CREATE OR REPLACE TABLE ${definition.base} AS SELECT * FROM ${definition.table}`,
      [[]],
      signal,
    );
    return ok(STATEMENT_TYPE.DDL, `Stream ${name} successfully created.`);
  }

  private async dropStream(session: Session, tokens: Token[]): Promise<EncodedResult> {
    const skip = ifExists(tokens, 2);
    const dropped = this.capture.dropStream(objectName(tokens, 2 + skip).name, skip > 0);
    if (dropped) await session.connection.run(`DROP TABLE IF EXISTS ${dropped.base}`);
    return ok(STATEMENT_TYPE.DDL);
  }

  /** Runs a task now, on the FAKE's own task session: its WHEN check, then its body. */
  async executeTask(name: string, signal: AbortSignal): Promise<EncodedResult> {
    const task = this.capture.task(name);
    const session = await this.taskSession();
    const run = async () => {
      if (task.when) {
        const check = await this.run(session, `SELECT ${task.when}`, [[]], signal);
        if (check.rowset[0]?.[0] !== '1')
          return this.capture.taskRuns.push({ name: task.name, state: 'SKIPPED' });
      }
      try {
        await this.run(session, task.body, [[]], signal);
        this.capture.taskRuns.push({ name: task.name, state: 'SUCCEEDED' });
      } catch (error) {
        this.capture.taskRuns.push({ name: task.name, state: 'FAILED', error: (error as Error).message });
      }
      return undefined;
    };
    const queued = session.queue.then(run);
    session.queue = queued.catch(() => undefined);
    await queued;
    return ok(STATEMENT_TYPE.DDL, `Task ${task.name} is scheduled to run immediately.`);
  }

  /** `SYSTEM$WAIT(n [, unit])`: waits without using a CPU, and stops on cancel or timeout. */
  private async wait(tokens: Token[], signal: AbortSignal): Promise<EncodedResult> {
    const amount = Number(tokens[3]?.text);
    const unit = tokens[5]?.kind === 'string' ? tokens[5].text.slice(1, -1).toUpperCase() : 'SECONDS';
    const factor = WAIT_UNITS[unit];
    if (!Number.isFinite(amount) || amount < 0 || factor === undefined)
      throw compilationError('invalid SYSTEM$WAIT arguments');
    await sleep(amount * factor, undefined, { signal });
    return encodeStatus(STATEMENT_TYPE.SELECT, `waited ${amount} ${unit.toLowerCase()}`);
  }
}

/** 2 when `IF EXISTS` stands at `at`, else 0: how many tokens to skip. */
function ifExists(tokens: readonly Token[], at: number): number {
  return isWord(tokens[at], 'IF') && isWord(tokens[at + 1], 'EXISTS') ? 2 : 0;
}

export function stopFault(reason: StopReason): SnowflakeFault {
  return reason.kind === 'timeout' ? statementTimeout(reason.seconds) : statementCanceled();
}
