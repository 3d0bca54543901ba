import { randomUUID } from 'node:crypto';
import { decodeBindings, type Bindings } from './binds.ts';
import { faultFromDuckDb, SnowflakeFault } from './errors.ts';
import { stopFault, type QueryExecutor, type StopReason } from './query-executor.ts';
import type { EncodedResult } from './result-encoder.ts';
import type { Session } from './sessions.ts';
import { splitStatements } from './sql-tokens.ts';

/** The body of POST /queries/v1/query-request as the SDK sends it. */
export interface QueryRequestBody {
  sqlText: string;
  bindings?: Bindings;
  parameters?: Record<string, unknown>;
  asyncExec?: boolean;
}

export type QueryStatus = 'QUEUED' | 'RUNNING' | 'SUCCESS' | 'FAILED_WITH_ERROR' | 'ABORTED';

/** One query the FAKE ran or runs, as tests see it in `queryHistory()`. */
export interface QueryRecord {
  readonly id: string;
  readonly requestId: string;
  readonly sessionId: number;
  readonly sqlText: string;
  readonly queryTag: string | undefined;
  status: QueryStatus;
  errorCode?: string;
  /** The JSON body answered for this query (result or error). */
  response?: object;
  readonly done: Promise<void>;
  stop(reason: StopReason): void;
}

/** Format parameters sent with every result: the SDK reads them there, not from login. */
const FORMAT_PARAMETERS = [
  { name: 'TIMEZONE', value: 'UTC' },
  { name: 'BINARY_OUTPUT_FORMAT', value: 'HEX' },
  { name: 'TIMESTAMP_NTZ_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3' },
  { name: 'TIMESTAMP_LTZ_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM' },
  { name: 'TIMESTAMP_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM' },
  { name: 'DATE_OUTPUT_FORMAT', value: 'YYYY-MM-DD' },
  { name: 'TIME_OUTPUT_FORMAT', value: 'HH24:MI:SS' },
];

const RETAINED_QUERIES = 500;

/**
 * Runs query requests on sessions: multi-statement text, async execution, statement timeouts, cancel, and
 * the results kept for GET /queries/{id}/result and /monitoring/queries/{id}.
 */
export class QueryService {
  private readonly records = new Map<string, QueryRecord>();
  private readonly byRequestId = new Map<string, QueryRecord>();

  constructor(private readonly executor: QueryExecutor) {}

  submit(session: Session, body: QueryRequestBody, requestId: string): QueryRecord {
    const statements = splitStatements(body.sqlText ?? '');
    const parameters = { ...Object.fromEntries(session.parameters), ...upperKeys(body.parameters) };
    const desired = Number(parameters['MULTI_STATEMENT_COUNT'] ?? 1);
    if (statements.length > 1 || desired !== 1) {
      return this.track(session, body.sqlText, requestId, parameters, async (signal) => {
        if (desired !== 0 && desired !== statements.length) {
          throw new SnowflakeFault(
            '000008',
            '0A000',
            `Actual statement count ${statements.length} did not match the desired statement count ${desired}.`,
          );
        }
        const ids: string[] = [];
        for (const sql of statements) {
          const child = this.track(
            session,
            sql,
            randomUUID(),
            parameters,
            (childSignal) => this.executor.run(session, sql, [[]], childSignal),
            signal,
          );
          ids.push(child.id);
          await child.done;
          if (child.status !== 'SUCCESS') throw faultOf(child);
        }
        return { resultIds: ids.join(',') };
      });
    }
    const rows = decodeBindings(body.bindings);
    return this.track(session, statements[0] ?? '', requestId, parameters, (signal) =>
      this.executor.run(session, statements[0] ?? 'SELECT NULL WHERE FALSE', rows, signal),
    );
  }

  find(idOrRequestId: string): QueryRecord | undefined {
    return this.records.get(idOrRequestId) ?? this.byRequestId.get(idOrRequestId);
  }

  history(): QueryRecord[] {
    return [...this.records.values()];
  }

  /** Runs `work` in the session's queue, with the statement timeout, and records the outcome. */
  private track(
    session: Session,
    sqlText: string,
    requestId: string,
    parameters: Record<string, unknown>,
    work: (signal: AbortSignal) => Promise<EncodedResult | { resultIds: string }>,
    parent?: AbortSignal,
  ): QueryRecord {
    const id = randomUUID();
    const controller = new AbortController();
    parent?.addEventListener('abort', () => controller.abort(parent.reason), { once: true });
    const timeoutSeconds = Number(parameters['STATEMENT_TIMEOUT_IN_SECONDS'] ?? 0);
    const tag = parameters['QUERY_TAG'];
    let settle!: () => void;
    const record: QueryRecord = {
      id,
      requestId,
      sessionId: session.id,
      sqlText,
      queryTag: typeof tag === 'string' && tag !== '' ? tag : undefined,
      status: 'QUEUED',
      done: new Promise<void>((resolve) => (settle = resolve)),
      stop: (reason) => controller.abort(reason),
    };
    this.remember(record);
    const run = async () => {
      let timer: NodeJS.Timeout | undefined;
      try {
        if (controller.signal.aborted) throw stopFault(controller.signal.reason as StopReason);
        record.status = 'RUNNING';
        if (timeoutSeconds > 0) {
          timer = setTimeout(
            () => controller.abort({ kind: 'timeout', seconds: timeoutSeconds }),
            timeoutSeconds * 1000,
          );
        }
        const result = await work(controller.signal);
        record.status = 'SUCCESS';
        record.response = { success: true, code: null, message: null, data: resultData(id, result, session) };
      } catch (error) {
        const fault = controller.signal.aborted
          ? stopFault(controller.signal.reason as StopReason)
          : faultFromDuckDb(error);
        record.status = controller.signal.reason?.kind === 'cancel' ? 'ABORTED' : 'FAILED_WITH_ERROR';
        record.errorCode = fault.code;
        record.response = errorBody(fault, id);
      } finally {
        clearTimeout(timer);
        settle();
      }
    };
    // A multi-statement parent runs its children itself, inside its own turn in the queue.
    if (parent) void run();
    else session.queue = session.queue.then(run);
    return record;
  }

  private remember(record: QueryRecord): void {
    this.records.set(record.id, record);
    this.byRequestId.set(record.requestId, record);
    for (const [id, old] of this.records) {
      if (this.records.size <= RETAINED_QUERIES) break;
      if (old.status === 'RUNNING' || old.status === 'QUEUED') continue;
      this.records.delete(id);
      this.byRequestId.delete(old.requestId);
    }
  }
}

function resultData(queryId: string, result: EncodedResult | { resultIds: string }, session: Session) {
  const final = {
    finalDatabaseName: session.loginParameters['databaseName'] ?? null,
    finalSchemaName: session.loginParameters['schemaName'] ?? null,
    finalWarehouseName: session.loginParameters['warehouse'] ?? null,
    finalRoleName: session.loginParameters['roleName'] ?? null,
  };
  const base = { queryId, version: 1, parameters: FORMAT_PARAMETERS, ...final };
  if ('resultIds' in result) {
    return {
      ...base,
      statementTypeId: 0x1000,
      resultIds: result.resultIds,
      rowtype: [{ name: 'multiple statement execution', type: 'text', nullable: false, length: 16_777_216 }],
      rowset: [['Multiple statements executed successfully.']],
      total: 1,
      returned: 1,
    };
  }
  return { ...base, ...result, total: result.rowset.length, returned: result.rowset.length };
}

export function errorBody(fault: SnowflakeFault, queryId?: string) {
  return {
    success: false,
    code: fault.code,
    message: fault.message,
    data: {
      internalError: false,
      errorCode: fault.code,
      sqlState: fault.sqlState,
      queryId: queryId ?? null,
      line: -1,
      pos: -1,
      type: fault.type,
    },
  };
}

function faultOf(record: QueryRecord): SnowflakeFault {
  const body = record.response as { code: string; message: string; data: { sqlState: string } };
  return new SnowflakeFault(body.code, body.data.sqlState, body.message, 'EXECUTION');
}

const upperKeys = (object: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(object ?? {}).map(([k, v]) => [k.toUpperCase(), v]));
