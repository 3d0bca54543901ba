import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../src/repo-path.ts';

const SAMPLES = repoPath('ops/samples');

/** The sample file of an import kind in `ops/samples/`. */
export const sample = (kind: string) =>
  join(
    SAMPLES,
    readdirSync(SAMPLES).find((file) => file.startsWith(`${kind}.`))!,
  );

/** What the sample files hold, counted as the import tests read it back from the stores. */
export const SAMPLE_COUNTS = {
  people: 5,
  milestones: 4,
  keyResults: 3,
  deals: 6,
  stages: 13,
  facts: 186,
  documents: 2,
  directory: 5,
} as const;
