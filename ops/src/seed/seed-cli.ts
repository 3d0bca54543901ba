import { resolve } from 'node:path';
import { loadDataConfig } from './env.ts';
import { seedDemo, storeLocation } from './seed-demo.ts';

/**
 * `npm run seed`: loads the generated demo company into the empty stores of SOPHIA_DATA_DIR. Run it with the
 * services stopped (each embedded store is one process's file). Refused in production, whose data dirs hold a
 * company's own data.
 */
async function main(): Promise<void> {
  const config = loadDataConfig();
  if (config.SOPHIA_ENV === 'production') {
    throw new Error(
      'SOPHIA_ENV=production: the demo company is for development. Load your own data with `npm run import`.',
    );
  }
  const dataDir = resolve(config.SOPHIA_DATA_DIR);
  const report = await seedDemo({
    dataDir,
    ...(config.SOPHIA_DEMO_SEED === undefined ? {} : { seed: config.SOPHIA_DEMO_SEED }),
    ...(config.SOPHIA_DEMO_ANCHOR === undefined ? {} : { anchor: config.SOPHIA_DEMO_ANCHOR }),
    snowflake: config.snowflake,
  });
  const where = storeLocation(dataDir, config.snowflake);
  console.log(
    `Demo company as of ${report.anchor ?? '(none)'} in ${where}: ` +
      `loaded ${report.seeded.join(', ') || 'nothing'}; already there: ${report.kept.join(', ') || 'nothing'}.`,
  );
}

main().catch((error: unknown) => {
  console.error(`sophia seed: ${(error as Error).message}`);
  process.exit(1);
});
