import DataLoader from 'dataloader';
import type { ProjectStore } from './store.ts';

/** One row per id, null for ids that do not exist, in the order asked. */
function byId<T extends { readonly id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

/** The rows belonging to each key (members of a team, milestones of a project…), in the store's order. */
function grouped<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string | null) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, T[]>();
    for (const row of await fetch(keys)) {
      const key = keyOf(row);
      if (key === null) continue;
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Per-request loaders: every entity and nested list is fetched in one query per request tick, never N+1. */
export function createProjectLoaders(store: ProjectStore) {
  return {
    user: byId((ids) => store.usersByIds(ids)),
    team: byId((ids) => store.teamsByIds(ids)),
    project: byId((ids) => store.projectsByIds(ids)),
    objective: byId((ids) => store.objectivesByIds(ids)),
    teamMembers: grouped(
      (ids) => store.usersByTeamIds(ids),
      (user) => user.teamId,
    ),
    reports: grouped(
      (ids) => store.usersByManagerIds(ids),
      (user) => user.managerId,
    ),
    projectsByOwner: grouped(
      (ids) => store.projectsByOwnerIds(ids),
      (project) => project.ownerId,
    ),
    projectsByTeam: grouped(
      (ids) => store.projectsByTeamIds(ids),
      (project) => project.teamId,
    ),
    milestones: grouped(
      (ids) => store.milestonesByProjectIds(ids),
      (milestone) => milestone.projectId,
    ),
    keyResults: grouped(
      (ids) => store.keyResultsByObjectiveIds(ids),
      (keyResult) => keyResult.objectiveId,
    ),
  };
}

export type ProjectLoaders = ReturnType<typeof createProjectLoaders>;
