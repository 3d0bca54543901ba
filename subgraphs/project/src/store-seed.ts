import type { SqlRunner } from '@sophia/kit';
import type { Company } from '@sophia/ops';
import { PROJECT_STORE_DDL } from './store-schema.ts';

/** Creates the tables and loads the project subgraph's part of the demo company (inside seedOnce's transaction). */
export async function loadDemoCompany(tx: SqlRunner, company: Company): Promise<void> {
  for (const statement of PROJECT_STORE_DDL) await tx.run(statement);
  await tx.insertRows(
    'teams',
    company.teams.map((team) => ({
      id: team.id,
      name: team.name,
      lead_id: team.leadId,
      parent_id: team.parentId,
    })),
  );
  await tx.insertRows(
    'users',
    company.users.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      title: user.title,
      role: user.role,
      team_id: user.teamId,
      manager_id: user.managerId,
      start_date: user.startDate,
    })),
  );
  await tx.insertRows(
    'projects',
    company.projects.map((project) => ({
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
  );
  await tx.insertRows(
    'milestones',
    company.projects.flatMap((project) =>
      project.milestones.map((milestone, position) => ({
        id: milestone.id,
        project_id: project.id,
        position,
        name: milestone.name,
        due_date: milestone.dueDate,
        completed_at: milestone.completedAt,
      })),
    ),
  );
  await tx.insertRows(
    'objectives',
    company.objectives.map((objective, position) => ({
      id: objective.id,
      period: objective.period,
      position,
      title: objective.title,
      owner_id: objective.ownerId,
      team_id: objective.teamId,
    })),
  );
  await tx.insertRows(
    'key_results',
    company.objectives.flatMap((objective) =>
      objective.keyResults.map((keyResult, position) => ({
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
