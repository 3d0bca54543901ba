import type { AddressInfo } from 'node:net';
import { DuckDBInstance } from '@duckdb/node-api';
import { Authenticator, type FakeUser } from './auth.ts';
import { installMacros } from './macros.ts';
import { QueryExecutor } from './query-executor.ts';
import { QueryService, type QueryRecord } from './queries.ts';
import { createFakeServer, type Fault, type ServerParts } from './server.ts';
import { SessionRegistry, type Session } from './sessions.ts';
import { ChangeCapture, type TaskRun } from './streams-tasks.ts';

export type { FakeUser } from './auth.ts';
export type { Fault } from './server.ts';

export interface FakeSnowflakeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The account name key-pair JWTs must name. Default `FAKEACCT`. */
  account?: string;
  /** Who may log in. Default: {@link FAKE_USER} with {@link FAKE_PASSWORD}. */
  users?: readonly FakeUser[];
  /**
   * Runs every resumed task (ALTER TASK … RESUME) this often, in place of its SCHEDULE. Default: never;
   * tasks run only on EXECUTE TASK.
   */
  taskIntervalMs?: number;
}

export interface FakeSnowflake {
  /** Give this to snowflake-sdk as `accessUrl` (plain http). */
  readonly accessUrl: string;
  readonly account: string;
  /** Makes the next `count` matching requests fail (see {@link Fault}). */
  injectFault(fault: Fault): void;
  /** Requests received, by kind: `login`, `query`, or the path (e.g. `/session/heartbeat`). */
  requestCount(kind: string): number;
  /** Every query the FAKE ran (or is running), oldest first, with status, tag and session. */
  queryHistory(): readonly QueryRecord[];
  /** Logins accepted, with the session parameters the client sent (QUERY_TAG among them). */
  logins(): ReadonlyArray<{
    user: string;
    authenticator: string;
    sessionParameters: Record<string, unknown>;
  }>;
  /** Task runs started by EXECUTE TASK. */
  taskRuns(): readonly TaskRun[];
  /** Expires every session token now: the client must renew it (code 390112) to go on. */
  expireSessionTokens(): void;
  /** Ends every session on the server side (as Snowflake does to an idle one): its next request gets 390104. */
  dropSessions(): Promise<void>;
  /** Open sessions. */
  sessionCount(): number;
  close(): Promise<void>;
}

export const FAKE_USER = 'SOPHIA_FAKE';
export const FAKE_PASSWORD = 'fake-password-for-tests';

/**
 * Starts the FAKE Snowflake: snowflake-sdk's protocol over plain HTTP, backed by an in-memory DuckDB.
 * It lives with the tests and never ships. See README.md beside this file for what it covers.
 */
export async function startFakeSnowflake(options: FakeSnowflakeOptions = {}): Promise<FakeSnowflake> {
  const account = (options.account ?? 'FAKEACCT').toUpperCase();
  const instance = await DuckDBInstance.create(':memory:');
  const setup = await instance.connect();
  await installMacros(setup);
  await setup.run('CREATE SCHEMA IF NOT EXISTS PUBLIC');
  setup.closeSync();

  const sessions = new SessionRegistry(instance);
  const capture = new ChangeCapture();
  let taskSession: Promise<Session> | undefined;
  const executor = new QueryExecutor(capture, () => (taskSession ??= openTaskSession(sessions)));
  const queries = new QueryService(executor);
  const parts: ServerParts = {
    auth: new Authenticator(account, options.users ?? [{ name: FAKE_USER, password: FAKE_PASSWORD }]),
    sessions,
    queries,
    faults: [],
    requestCounts: new Map(),
    logins: [],
    onLogin: async (session) => {
      const database = session.loginParameters['databaseName'];
      if (database) executor.databases.add(database.toUpperCase());
      await useSchema(session, session.loginParameters['schemaName']);
    },
  };
  const scheduler = options.taskIntervalMs
    ? scheduleTasks(capture, executor, options.taskIntervalMs)
    : undefined;
  const server = createFakeServer(parts);
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { address, port } = server.address() as AddressInfo;

  return {
    accessUrl: `http://${address}:${port}`,
    account,
    injectFault: (fault) => parts.faults.push({ ...fault }),
    requestCount: (kind) => parts.requestCounts.get(kind) ?? 0,
    queryHistory: () => queries.history(),
    logins: () => parts.logins,
    taskRuns: () => capture.taskRuns,
    expireSessionTokens: () => sessions.expireAll(),
    dropSessions: () => sessions.closeAll(),
    sessionCount: () => sessions.size,
    close: async () => {
      clearInterval(scheduler);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sessions.closeAll();
      instance.closeSync();
    },
  };
}

/** Sessions start in the login schema when it exists (PUBLIC otherwise), as Snowflake's do. */
async function useSchema(session: Session, schema: string | undefined): Promise<void> {
  const target = schema?.toUpperCase() ?? 'PUBLIC';
  await session.connection
    .run(`USE "${target.replaceAll('"', '')}"`)
    .catch(() => session.connection.run('USE PUBLIC'));
}

/** Runs each resumed task once per interval; a round that is still going skips the next tick. */
function scheduleTasks(capture: ChangeCapture, executor: QueryExecutor, intervalMs: number): NodeJS.Timeout {
  let running = false;
  return setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      for (const task of capture.startedTasks()) {
        // A failed run is recorded in taskRuns(), as Snowflake records it in TASK_HISTORY.
        await executor.executeTask(task.name, new AbortController().signal).catch(() => undefined);
      }
    })().finally(() => (running = false));
  }, intervalMs);
}

async function openTaskSession(sessions: SessionRegistry): Promise<Session> {
  const session = await sessions.open('TASK_OWNER', {}, {});
  await useSchema(session, undefined);
  return session;
}
