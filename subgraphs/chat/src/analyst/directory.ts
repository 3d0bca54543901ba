/**
 * The names a question may mention — metrics, accounts, people, projects — fetched through the tools and
 * cached process-wide for a few minutes (they are the same for every viewer). A tool that fails leaves its
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
}

export interface MetricDefinition extends MetricEntry {
  readonly description: string;
  readonly unit: string;
  readonly category: string;
}

export interface Directory {
  readonly metrics: readonly MetricDefinition[];
  readonly accounts: readonly NamedRef[];
  readonly people: readonly (NamedRef & {
    readonly email: string;
    readonly title: string;
    readonly team: NamedRef | null;
  })[];
  readonly projects: readonly ProjectEntry[];
}

const cache = new TtlCache<unknown>();

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

async function allAccounts(tools: ToolInvoker): Promise<NamedRef[]> {
  const accounts: NamedRef[] = [];
  let after: string | null = null;
  // Pages of 100 (the API's largest page); the loop ends on the last page or after 50 pages at most.
  for (let page = 0; page < 50; page += 1) {
    const connection: {
      nodes: NamedRef[];
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

export async function loadDirectory(tools: ToolInvoker): Promise<Directory> {
  const [metrics, accounts, people, projects] = await Promise.all([
    cached<MetricDefinition>('metrics', () => callTool(tools, 'Metrics', {}, 'metrics')),
    cached<NamedRef>('accounts', () => allAccounts(tools)),
    cached<Directory['people'][number]>('people', () => callTool(tools, 'PeopleDirectory', {}, 'users')),
    cached<ProjectEntry>('projects', () => callTool(tools, 'ProjectDirectory', {}, 'projects')),
  ]);
  return { metrics, accounts, people, projects };
}
