import { placeholders, type SqlRunner } from '@sophia/kit';
import type { KeyResult, Milestone, Objective, Project, Team, User } from '@sophia/domain';

/** A team as the seed and the import write it; the store allows a team without a lead. */
export type TeamRecord = Pick<Team, 'id' | 'name' | 'parentId'> & { readonly leadId: string | null };
/** A person as the seed and the import write it; the store allows a person on no team. */
export type UserRecord = Pick<
  User,
  'id' | 'name' | 'email' | 'title' | 'role' | 'managerId' | 'startDate'
> & {
  readonly teamId: string | null;
};
export type MilestoneRecord = Pick<Milestone, 'id' | 'name' | 'dueDate' | 'completedAt'>;
export type ProjectRecord = Pick<
  Project,
  'id' | 'name' | 'description' | 'status' | 'ownerId' | 'startDate' | 'dueDate' | 'progress'
> & { readonly teamId: string | null; readonly milestones?: readonly MilestoneRecord[] };
export type KeyResultRecord = Pick<
  KeyResult,
  'id' | 'title' | 'metricId' | 'unit' | 'startValue' | 'targetValue' | 'currentValue'
>;
export type ObjectiveRecord = Pick<Objective, 'id' | 'period' | 'title' | 'ownerId'> & {
  readonly teamId: string | null;
  readonly keyResults?: readonly KeyResultRecord[];
};

/** Writes teams by id. */
export function upsertTeams(tx: SqlRunner, teams: readonly TeamRecord[]): Promise<void> {
  return tx.upsertRows(
    'teams',
    teams.map((team) => ({ id: team.id, name: team.name, lead_id: team.leadId, parent_id: team.parentId })),
    ['id'],
  );
}

/** Writes people by id. */
export function upsertUsers(tx: SqlRunner, users: readonly UserRecord[]): Promise<void> {
  return tx.upsertRows(
    'users',
    users.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      title: user.title,
      role: user.role,
      team_id: user.teamId,
      manager_id: user.managerId,
      start_date: user.startDate,
    })),
    ['id'],
  );
}

/** Writes projects by id; a project given with milestones has them replaced, in the order given. */
export async function upsertProjects(tx: SqlRunner, projects: readonly ProjectRecord[]): Promise<void> {
  await tx.upsertRows(
    'projects',
    projects.map((project) => ({
      id: project.id,
      name: project.name,
      description: project.description,
      status: project.status,
      owner_id: project.ownerId,
      team_id: project.teamId,
      start_date: project.startDate,
      due_date: project.dueDate,
      progress: project.progress,
    })),
    ['id'],
  );
  await replaceMilestones(
    tx,
    projects.flatMap((project) => (project.milestones ? [[project.id, project.milestones] as const] : [])),
  );
}

/** Replaces each project's milestones with the ones given, in that order. */
export async function replaceMilestones(
  tx: SqlRunner,
  byProject: readonly (readonly [string, readonly MilestoneRecord[]])[],
): Promise<void> {
  await deleteChildren(
    tx,
    'milestones',
    'project_id',
    byProject.map(([projectId]) => projectId),
  );
  await tx.insertRows(
    'milestones',
    byProject.flatMap(([projectId, milestones]) =>
      milestones.map((milestone, position) => ({
        id: milestone.id,
        project_id: projectId,
        position,
        name: milestone.name,
        due_date: milestone.dueDate,
        completed_at: milestone.completedAt,
      })),
    ),
  );
}

/**
 * Writes objectives by id, placed after the quarter's objectives already there; one given with key results
 * has them replaced, in the order given.
 */
export async function upsertObjectives(tx: SqlRunner, objectives: readonly ObjectiveRecord[]): Promise<void> {
  const known = new Map(
    (await tx.query<{ id: string; position: number }>('SELECT id, position FROM objectives')).map((row) => [
      row.id,
      row.position,
    ]),
  );
  const [last] = await tx.query<{ next: number }>(
    'SELECT CAST(COALESCE(MAX(position), -1) + 1 AS INTEGER) AS next FROM objectives',
  );
  let next = last?.next ?? 0;
  await tx.upsertRows(
    'objectives',
    objectives.map((objective) => ({
      id: objective.id,
      period: objective.period,
      position: known.get(objective.id) ?? next++,
      title: objective.title,
      owner_id: objective.ownerId,
      team_id: objective.teamId,
    })),
    ['id'],
  );
  await replaceKeyResults(
    tx,
    objectives.flatMap((objective) =>
      objective.keyResults ? [[objective.id, objective.keyResults] as const] : [],
    ),
  );
}

/** Replaces each objective's key results with the ones given, in that order. */
export async function replaceKeyResults(
  tx: SqlRunner,
  byObjective: readonly (readonly [string, readonly KeyResultRecord[]])[],
): Promise<void> {
  await deleteChildren(
    tx,
    'key_results',
    'objective_id',
    byObjective.map(([objectiveId]) => objectiveId),
  );
  await tx.insertRows(
    'key_results',
    byObjective.flatMap(([objectiveId, keyResults]) =>
      keyResults.map((keyResult, position) => ({
        id: keyResult.id,
        objective_id: objectiveId,
        position,
        title: keyResult.title,
        metric_id: keyResult.metricId,
        unit: keyResult.unit,
        start_value: keyResult.startValue,
        target_value: keyResult.targetValue,
        current_value: keyResult.currentValue,
      })),
    ),
  );
}

async function deleteChildren(
  tx: SqlRunner,
  table: string,
  parentColumn: string,
  parentIds: readonly string[],
): Promise<void> {
  const CHUNK = 1000;
  for (let start = 0; start < parentIds.length; start += CHUNK) {
    const ids = parentIds.slice(start, start + CHUNK);
    await tx.run(`DELETE FROM ${table} WHERE ${parentColumn} IN (${placeholders(ids)})`, ids);
  }
}
