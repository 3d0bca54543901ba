/** Milestones across every project that are overdue (`ProjectMilestones`), the longest overdue first. */
import { callTool, type NamedRef } from '../tool-data.ts';
import { daysBetween, today, type AnswerContext } from './context.ts';
import type { MilestoneData } from './project-status.ts';

interface ProjectMilestones {
  readonly id: string;
  readonly name: string;
  readonly owner: NamedRef | null;
  readonly milestones: readonly MilestoneData[];
}

export async function answerMilestones(context: AnswerContext): Promise<void> {
  const { request, writer } = context;
  const projects = await callTool<ProjectMilestones[]>(request.tools, 'ProjectMilestones', {}, 'projects');
  if (writer.aborted) return;
  const on = today(context);
  const overdue = projects
    .flatMap((project) =>
      project.milestones.filter((m) => m.status === 'OVERDUE').map((milestone) => ({ project, milestone })),
    )
    .sort((a, b) => a.milestone.dueDate.localeCompare(b.milestone.dueDate));
  if (overdue.length === 0) {
    writer.paragraph('No milestone is overdue.');
    return;
  }
  writer.paragraph(`**${overdue.length}** milestones are overdue:`);
  writer.table(
    ['Milestone', 'Project', 'Owner', 'Was due', 'Days late'],
    overdue.map(({ project, milestone }) => [
      milestone.name,
      project.name,
      project.owner?.name ?? '–',
      milestone.dueDate,
      String(daysBetween(milestone.dueDate, on)),
    ]),
  );
  for (const { project } of overdue) writer.cite('Project', project.id);
}
