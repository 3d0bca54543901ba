import { basename } from 'node:path';
import type { SqlRunner } from '@sophia/kit';
import type { ImportKind } from './kind.ts';
import { createProgress, type ProgressOutput } from './progress.ts';
import { knownIds, type IdSources } from './references.ts';
import { stageFile, type StagedFile } from './stage-file.ts';
import { validate } from './validate.ts';

export interface CheckedFile {
  readonly staged: StagedFile;
  /** Every problem found, each with its line; the checked rows are in `import_rows` on `sql`. */
  readonly problems: string[];
}

/**
 * Reads a file into staging tables on `sql` (a DuckDB connection: the store's own, or a private one for a
 * store on Snowflake) and checks every row set-wise against its kind and the ids the stores know.
 */
export async function checkFile(
  sql: SqlRunner,
  file: string,
  kind: ImportKind<never>,
  sources: IdSources,
  out: ProgressOutput,
): Promise<CheckedFile> {
  const reading = createProgress(`Reading ${basename(file)}`, 0, out);
  const staged = await stageFile(sql, file);
  reading.done(staged.rows);
  const checking = createProgress(`Checking ${kind.name}`, staged.rows, out);
  let checked = 0;
  const problems = await validate(sql, staged, kind, await knownIds(sql, kind, sources), (done, steps) => {
    const upTo = Math.floor((staged.rows * done) / steps);
    checking.advance(upTo - checked);
    checked = upTo;
  });
  checking.done();
  return { staged, problems };
}
