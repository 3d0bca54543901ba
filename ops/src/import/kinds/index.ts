import type { ImportKind } from '../kind.ts';
import { people, teams } from './directory.ts';
import { documents } from './documents.ts';
import { facts, metrics, targets } from './kpi.ts';
import { keyResults, milestones, objectives, projects } from './projects.ts';
import { accounts, dealStages, deals } from './sales.ts';

/** Every kind `npm run import` loads, in the order a company's files are best imported. */
export const IMPORT_KINDS: readonly ImportKind<never>[] = [
  teams,
  people,
  accounts,
  deals,
  dealStages,
  projects,
  milestones,
  objectives,
  keyResults,
  metrics,
  facts,
  targets,
  documents,
] as unknown as readonly ImportKind<never>[];

export const kindNamed = (name: string): ImportKind<never> | undefined =>
  IMPORT_KINDS.find((kind) => kind.name === name);
