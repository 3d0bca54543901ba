/**
 * The names a question may mention — metrics, accounts, people, projects — fetched through the tools and
 * cached per viewer for a minute (what a viewer may see is theirs: the cache never lends it to another). A tool that fails leaves its
 * list empty rather than failing the question: the analyst then just does not recognise those names.
 */
import type { ToolInvoker } from '../pipeline/answer-contract.ts';
import { TtlCache } from './cache.ts';
import type { MetricEntry } from './metric-names.ts';
import { callTool, type NamedRef } from './tool-data.ts';

export interface ProjectEntry extends NamedRef {
  readonly description: string;
  readonly status: string;
  readonly progress: number;
  readonly dueDate: string;
  readonly owner: NamedRef | null;
  readonly team?: NamedRef | null;
}

export interface AccountEntry extends NamedRef {
  readonly region?: string;
}

export interface PersonEntry extends NamedRef {
  readonly email: string;
  readonly title: string;
  readonly manager?: NamedRef | null;
  readonly team:
    (NamedRef & { readonly parent?: { readonly id: string } | null; readonly lead?: NamedRef | null }) | null;
}

/** A team as the directory shows it: its parent and lead. */
export interface TeamEntry extends NamedRef {
  readonly parentId: string | null;
  readonly lead: NamedRef | null;
}

export interface MetricDefinition extends MetricEntry {
  readonly description: string;
  readonly unit: string;
  readonly category: string;
}

export interface Directory {
  readonly metrics: readonly MetricDefinition[];
  readonly accounts: readonly AccountEntry[];
  readonly people: readonly PersonEntry[];
  readonly projects: readonly ProjectEntry[];
  /** Every team someone belongs to; absent in directories built before teams were known. */
  readonly teams?: readonly TeamEntry[];
}

/** The teams of the people in the directory. */
export function teamsOf(people: readonly PersonEntry[]): TeamEntry[] {
  const teams = new Map<string, TeamEntry>();
  for (const { team } of people) {
    if (team && !teams.has(team.id)) {
      teams.set(team.id, {
        id: team.id,
        name: team.name,
        parentId: team.parent?.id ?? null,
        lead: team.lead ?? null,
      });
    }
  }
  return [...teams.values()];
}

const cache = new TtlCache<unknown>();

/**
 * The directory last built from each people list: while the cached lists stay the same, every question gets
 * the same Directory object, so what is derived from it (`perDirectory`) is computed once per TTL, not per
 * question.
 */
const built = new WeakMap<readonly PersonEntry[], Directory>();

/** `derive` of a directory, computed once per Directory object. */
export function perDirectory<T>(derive: (directory: Directory) => T): (directory: Directory) => T {
  const derived = new WeakMap<Directory, T>();
  return (directory) => {
    if (!derived.has(directory)) derived.set(directory, derive(directory));
    return derived.get(directory)!;
  };
}

/** Forgets every cached list (tests that change the data, and nothing else, need this). */
export function clearDirectoryCache(): void {
  cache.clear();
}

async function orEmpty<T>(load: Promise<readonly T[]>): Promise<readonly T[]> {
  try {
    return await load;
  } catch {
    return [];
  }
}

async function allAccounts(tools: ToolInvoker): Promise<AccountEntry[]> {
  const accounts: AccountEntry[] = [];
  let after: string | null = null;
  // Pages of 100 (the API's largest page); the loop ends on the last page or after 50 pages at most.
  for (let page = 0; page < 50; page += 1) {
    const connection: {
      nodes: AccountEntry[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } = await callTool(tools, 'AccountDirectory', after ? { first: 100, after } : { first: 100 }, 'accounts');
    accounts.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
  }
  return accounts;
}

function cached<T>(key: string, load: () => Promise<readonly T[]>): Promise<readonly T[]> {
  return orEmpty(cache.get(key, load) as Promise<readonly T[]>);
}

/**
 * The directory as `tools`' viewer sees it, cached per viewer (`tools.scope`) for `DIRECTORY_TTL_MS`;
 * the four lists load in parallel.
 */
export async function loadDirectory(tools: ToolInvoker): Promise<Directory> {
  const scope = tools.scope ?? '';
  const [metrics, accounts, people, projects] = await Promise.all([
    cached<MetricDefinition>(`${scope} metrics`, () => callTool(tools, 'Metrics', {}, 'metrics')),
    cached<AccountEntry>(`${scope} accounts`, () => allAccounts(tools)),
    cached<PersonEntry>(`${scope} people`, () => callTool(tools, 'PeopleDirectory', {}, 'users')),
    cached<ProjectEntry>(`${scope} projects`, () => callTool(tools, 'ProjectDirectory', {}, 'projects')),
  ]);
  const last = built.get(people);
  if (last && last.metrics === metrics && last.accounts === accounts && last.projects === projects)
    return last;
  const directory = { metrics, accounts, people, projects, teams: teamsOf(people) };
  built.set(people, directory);
  return directory;
}
