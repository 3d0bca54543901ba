import type { SqlParam } from '@sophia/kit';

export type Visibility = 'PRIVATE' | 'TEAM' | 'ORG';

/** Who is reading: the signed-in user and their team in the directory (null when they have none). */
export interface ViewerScope {
  readonly userId: string;
  readonly teamId: string | null;
}

/** The parts of a memory that decide who may see it. */
export interface Guarded {
  readonly ownerId: string;
  readonly visibility: Visibility;
  /** The owner's team when the memory was written. */
  readonly teamId: string | null;
}

/**
 * THE visibility rule (DESIGN §4): a viewer sees every memory of the organisation, the team memories of their
 * own team, and their own memories of any visibility. Private memories are their owner's alone.
 * `visibleSql` below is the same rule for the store; a unit test holds the two together.
 */
export function canSee(scope: ViewerScope, memory: Guarded): boolean {
  return (
    memory.ownerId === scope.userId ||
    memory.visibility === 'ORG' ||
    (memory.visibility === 'TEAM' && memory.teamId !== null && memory.teamId === scope.teamId)
  );
}

/** `canSee` as a SQL predicate over a `memories` row aliased `alias`. */
export function visibleSql(scope: ViewerScope, alias = 'm'): { sql: string; params: SqlParam[] } {
  return {
    // `team_id = NULL` is never true, so a viewer without a team sees no team memories but their own.
    sql: `(${alias}.owner_id = ? OR ${alias}.visibility = 'ORG' OR (${alias}.visibility = 'TEAM' AND ${alias}.team_id = ?))`,
    params: [scope.userId, scope.teamId],
  };
}
