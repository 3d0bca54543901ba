import { randomBytes } from 'node:crypto';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** One Snowflake session: its own DuckDB connection, so transactions and USE are per session. */
export interface Session {
  readonly id: number;
  token: string;
  readonly masterToken: string;
  readonly user: string;
  readonly connection: DuckDBConnection;
  /** Session parameters from login and ALTER SESSION (upper-case names). */
  readonly parameters: Map<string, string>;
  readonly loginParameters: Readonly<Record<string, string | undefined>>;
  inTransaction: boolean;
  /** Statements of one session run one at a time, as on one DuckDB connection they must. */
  queue: Promise<unknown>;
}

const newToken = (prefix: string) => `${prefix}-${randomBytes(24).toString('base64url')}`;

export class SessionRegistry {
  private nextId = 1000;
  private readonly byToken = new Map<string, Session>();
  private readonly expired = new Set<string>();

  constructor(private readonly instance: DuckDBInstance) {}

  async open(
    user: string,
    parameters: Record<string, string>,
    loginParameters: Record<string, string | undefined>,
  ): Promise<Session> {
    const connection = await this.instance.connect();
    const session: Session = {
      id: this.nextId++,
      token: newToken('ST'),
      masterToken: newToken('MT'),
      user,
      connection,
      parameters: new Map(Object.entries(parameters)),
      loginParameters,
      inTransaction: false,
      queue: Promise.resolve(),
    };
    this.byToken.set(session.token, session);
    return session;
  }

  /** The session for a token, `expired` when the token was expired by the test, undefined when unknown. */
  find(token: string): Session | 'expired' | undefined {
    if (this.expired.has(token)) return 'expired';
    return this.byToken.get(token);
  }

  /** Renews a session's token with its master token (what the SDK does after code 390112). */
  renew(masterToken: string, oldSessionToken: string): Session | undefined {
    const session = [...this.byToken.values()].find((s) => s.masterToken === masterToken);
    if (!session || session.token !== oldSessionToken) return undefined;
    this.byToken.delete(session.token);
    this.expired.delete(session.token);
    session.token = newToken('ST');
    this.byToken.set(session.token, session);
    return session;
  }

  /** Marks every current session token expired: the next request with one gets 390112. */
  expireAll(): void {
    for (const token of this.byToken.keys()) this.expired.add(token);
  }

  async close(session: Session): Promise<void> {
    this.byToken.delete(session.token);
    await session.queue.catch(() => undefined);
    if (session.inTransaction) await session.connection.run('ROLLBACK').catch(() => undefined);
    session.connection.closeSync();
  }

  async closeAll(): Promise<void> {
    for (const session of [...this.byToken.values()]) await this.close(session);
  }

  get size(): number {
    return this.byToken.size;
  }
}
