import { loadDataConfig } from '../seed/env.ts';
import { importFile } from './import-file.ts';
import { IMPORT_KINDS } from './kinds/index.ts';

const USAGE = `Usage: npm run import -- <kind> <file> [--dry-run]
  kind: ${IMPORT_KINDS.map((kind) => kind.name).join(', ')}
  file: .csv (with a header line), .jsonl / .ndjson (one JSON object per line) or .parquet
Embedded stores: run it with the services stopped; it writes the store files under SOPHIA_DATA_DIR directly.
With SNOWFLAKE_ACCOUNT set it checks the file locally and writes it into the stores on Snowflake, one
transaction per file.`;

/** `npm run import`: exit 0 when imported (or, with --dry-run, when the file is clean), 1 when refused. */
async function main(argv: readonly string[]): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const [kind, file, ...rest] = argv.filter((arg) => arg !== '--dry-run');
  if (!kind || !file || rest.length > 0 || kind === '--help') {
    console.error(USAGE);
    return 2;
  }
  const config = loadDataConfig();
  const result = await importFile({
    dataDir: config.SOPHIA_DATA_DIR,
    kind,
    file,
    dryRun,
    progress: process.stderr,
    snowflake: config.snowflake,
  });
  if (result.problems.length > 0) {
    console.error(`${file}: ${result.problems.length} problem(s); nothing was written.`);
    for (const problem of result.problems) console.error(`  ${problem}`);
    return 1;
  }
  console.log(
    result.written
      ? `Imported ${result.rows} ${result.kind} row(s) from ${file}.`
      : `${file}: ${result.rows} ${result.kind} row(s), no problems (dry run: nothing written).`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`sophia import: ${(error as Error).message}`);
    process.exit(1);
  },
);
