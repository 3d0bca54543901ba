import { keyResultProgress, parsePeriod } from '@sophia/domain';
import type { ProjectLoaders } from './loaders.ts';
import { elapsedShare, objectiveProgress } from './okr-status.ts';

/** Share of an objective's quarter (its stored `2026-Q3` key) elapsed by `today`. */
export function quarterElapsed(quarterKey: string, today: string): number {
  const quarter = parsePeriod(quarterKey, today);
  return elapsedShare(quarter.start, quarter.end, today);
}

/** Mean progress of an objective's key results. */
export async function progressOfObjective(loaders: ProjectLoaders, objectiveId: string): Promise<number> {
  const keyResults = await loaders.keyResults.load(objectiveId);
  return objectiveProgress(keyResults.map((keyResult) => keyResultProgress(keyResult)));
}
