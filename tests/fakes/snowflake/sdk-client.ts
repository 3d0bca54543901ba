import snowflake, {
  type Binds,
  type Connection,
  type ConnectionOptions,
  type RowStatement,
} from 'snowflake-sdk';
import { FAKE_PASSWORD, FAKE_USER, type FakeSnowflake } from './index.ts';

/** The real snowflake-sdk, promisified for tests that drive the FAKE with it. */
snowflake.configure({ logLevel: 'OFF' });

export function connectionOptions(
  fake: FakeSnowflake,
  extra: Partial<ConnectionOptions> = {},
): ConnectionOptions {
  return {
    accessUrl: fake.accessUrl,
    account: fake.account.toLowerCase(),
    username: FAKE_USER,
    // A key-pair login sends a JWT and no password.
    ...(extra.authenticator === undefined && { password: FAKE_PASSWORD }),
    database: 'SOPHIA',
    schema: 'PUBLIC',
    warehouse: 'SOPHIA_WH',
    ...extra,
  } as ConnectionOptions;
}

/** connect(cb): connectAsync() resolves even when the login fails. */
export function connect(fake: FakeSnowflake, extra: Partial<ConnectionOptions> = {}): Promise<Connection> {
  const connection = snowflake.createConnection(connectionOptions(fake, extra));
  return new Promise((resolve, reject) =>
    connection.connect((error) => (error ? reject(error) : resolve(connection))),
  );
}

export interface Executed {
  rows: Record<string, unknown>[];
  statement: RowStatement;
}

export function exec(
  connection: Connection,
  sqlText: string,
  binds?: Binds,
  extra: Record<string, unknown> = {},
): Promise<Executed> {
  return new Promise((resolve, reject) =>
    connection.execute({
      sqlText,
      ...(binds && { binds }),
      ...extra,
      complete: (error, statement, rows) =>
        error ? reject(error) : resolve({ rows: rows ?? [], statement }),
    }),
  );
}

export function destroy(connection: Connection): Promise<void> {
  return new Promise((resolve) => connection.destroy(() => resolve()));
}
