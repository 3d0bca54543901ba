import type { MemoryKind } from './store.ts';
import type { Visibility } from './visibility.ts';

/**
 * What two memories must share before one may be merged into the other as a duplicate: the owner, the
 * visibility (and, for a team memory, the team), the account and the kind. Merging across any of these would
 * hand back a memory the caller did not ask for: an ORG note merged into a PRIVATE copy stays hidden from the
 * organisation, a TEAM document chunk merged into a private note is lost to the team.
 */
export interface DuplicateScope {
  readonly ownerId: string;
  readonly visibility: Visibility;
  readonly teamId: string | null;
  readonly accountId: string | null;
  readonly kind: MemoryKind;
}

/** One string per duplicate scope: equal exactly when two memories may merge (content aside). */
export function duplicateScopeKey(scope: DuplicateScope): string {
  return JSON.stringify([
    scope.ownerId,
    scope.visibility,
    // Only a team memory's team decides who sees it.
    scope.visibility === 'TEAM' ? scope.teamId : null,
    scope.accountId,
    scope.kind,
  ]);
}

export const sameDuplicateScope = (a: DuplicateScope, b: DuplicateScope): boolean =>
  duplicateScopeKey(a) === duplicateScopeKey(b);
