import { placeholders, type SqlRunner } from '@sophia/kit';
import type { KeyResult, Milestone, Objective, Project, Team, User } from '@sophia/domain';

export type TeamRecord = Pick<Team, 'id' | 'name' | 'leadId' | 'parentId'>;
export type UserRecord = Pick<
  User,
  'id' | 'name' | 'email' | 'title' | 'role' | 'teamId' | 'managerId' | 'startDate'
>;
export type MilestoneRecord = Pick<Milestone, 'id' | 'name' | 'dueDate' | 'completedAt'>;
export type ProjectRecord = Pick<
  Project,
  'id' | 'name' | 'description' | 'status' | 'ownerId' | 'teamId' | 'startDate' | 'dueDate' | 'progress'
> & { readonly milestones?: readonly MilestoneRecord[] };
export type KeyResultRecord = Pick<
  KeyResult,
  'id' | 'title' | 'metricId' | 'unit' | 'startValue' | 'targetValue' | 'currentValue'
>;
export type ObjectiveRecord = Pick<Objective, 'id' | 'period' | 'title' | 'ownerId' | 'teamId'> & {
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
  const withMilestones = projects.filter((project) => project.milestones !== undefined);
  await deleteChildren(
    tx,
    'milestones',
    'project_id',
    withMilestones.map((project) => project.id),
  );
  await tx.insertRows(
    'milestones',
    withMilestones.flatMap((project) =>
      (project.milestones ?? []).map((milestone, position) => ({
        id: milestone.id,
        project_id: project.id,
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
  const withKeyResults = objectives.filter((objective) => objective.keyResults !== undefined);
  await deleteChildren(
    tx,
    'key_results',
    'objective_id',
    withKeyResults.map((objective) => objective.id),
  );
  await tx.insertRows(
    'key_results',
    withKeyResults.flatMap((objective) =>
      (objective.keyResults ?? []).map((keyResult, position) => ({
        id: keyResult.id,
        objective_id: objective.id,
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
