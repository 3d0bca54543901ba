import { FAKE_PASSWORD, FAKE_USER, type FakeSnowflake } from './index.ts';

/**
 * The SNOWFLAKE_* variables that put Sophia's stores on a running FAKE (a service's env.ts, `npm run seed`
 * and `npm start` all read these). No SNOWFLAKE_SCHEMA: each store makes and uses its own, SOPHIA_<STORE>,
 * in the one database, as on an account.
 */
export function sophiaEnvFor(fake: Pick<FakeSnowflake, 'accessUrl'>): Record<string, string> {
  return {
    SNOWFLAKE_ACCOUNT: 'fakeacct',
    SNOWFLAKE_ACCESS_URL: fake.accessUrl,
    SNOWFLAKE_USER: FAKE_USER,
    SNOWFLAKE_PASSWORD: FAKE_PASSWORD,
    SNOWFLAKE_DATABASE: 'SOPHIA',
    SNOWFLAKE_WAREHOUSE: 'SOPHIA_WH',
    SNOWFLAKE_POOL_SIZE: '2',
  };
}
