import { startFakeSnowflake } from './index.ts';
import { sophiaEnvFor } from './sophia-env.ts';

/**
 * Runs the FAKE Snowflake on its own, for `npm run seed` and `npm start` against it:
 *   npx tsx tests/fakes/snowflake/serve.ts [port]     (default 8085)
 * prints the SNOWFLAKE_* lines to export, and keeps its data in memory until Ctrl-C. For development only:
 * it has one database, no access control and a fixed password.
 */
const port = Number(process.argv[2] ?? 8085);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`serve.ts: not a port: ${process.argv[2]}`);
  process.exit(1);
}
const fake = await startFakeSnowflake({ port, taskIntervalMs: 60_000 });
console.log(`FAKE Snowflake listening at ${fake.accessUrl} (in memory; Ctrl-C ends it). Point Sophia at it:`);
for (const [name, value] of Object.entries(sophiaEnvFor(fake))) console.log(`export ${name}=${value}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
