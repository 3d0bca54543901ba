import type { ViewerScope, Visibility } from '../visibility.ts';
import type { CacheHit, HotCache } from './hot-cache.ts';
import { searchKey } from './keys.ts';

/**
 * The generation tags a viewer's search depends on: their own memories, their team's and the organisation's.
 * These mirror `canSee` in visibility.ts.
 */
export function viewerTags(scope: ViewerScope): string[] {
  return [`owner:${scope.userId}`, ...(scope.teamId === null ? [] : [`team:${scope.teamId}`]), 'org'];
}

/** The tags a write to a memory must invalidate. Pass both the old and the new state when visibility changes. */
export function writeTags(memory: {
  ownerId: string;
  visibility: Visibility;
  teamId: string | null;
}): string[] {
  const tags = [`owner:${memory.ownerId}`];
  if (memory.visibility === 'TEAM' && memory.teamId !== null) tags.push(`team:${memory.teamId}`);
  if (memory.visibility === 'ORG') tags.push('org');
  return tags;
}

/** What identifies a search besides the viewer. */
export interface SearchRequest {
  readonly query: string;
  readonly filter?: unknown;
  readonly limit: number;
}

/**
 * Looks a search up. The generations are read before the search runs and `store` writes under the same key,
 * so a write that lands meanwhile bumps a generation and the result stored is never read: race-free.
 */
export async function lookupSearch<T>(
  cache: HotCache,
  scope: ViewerScope,
  request: SearchRequest,
): Promise<{ hit: CacheHit<T> | undefined; store: (value: T, ttlMs?: number) => Promise<void> }> {
  const generations = await cache.generations(viewerTags(scope));
  // The tags themselves are hashed too: two viewers whose counters happen to match never share an entry.
  const key = searchKey(generations, { scope: viewerTags(scope), ...request });
  return { hit: await cache.get<T>(key), store: (value, ttlMs) => cache.set(key, value, ttlMs) };
}
