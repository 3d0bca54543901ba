/** A named project's progress, dates, owner and milestones (`ProjectStatus`, one call per project, in parallel). */
import { formatEnum, formatShare } from '../format.ts';
import { callTool, type NamedRef } from '../tool-data.ts';
import { type AnswerContext } from './context.ts';

export interface MilestoneData {
  readonly id: string;
  readonly name: string;
  readonly dueDate: string;
  readonly completedAt: string | null;
  readonly status: string;
}

interface ProjectData {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly status: string;
  readonly progress: number;
  readonly startDate: string;
  readonly dueDate: string;
  readonly owner: NamedRef | null;
  readonly team: NamedRef | null;
  readonly milestones: readonly MilestoneData[];
}

export async function answerProjectStatus(context: AnswerContext): Promise<void> {
  const { request, writer } = context;
  const projects = await Promise.all(
    request.understanding.projects.map((project) =>
      callTool<ProjectData | null>(request.tools, 'ProjectStatus', { id: project.id }, 'project'),
    ),
  );
  if (writer.aborted) return;
  for (const project of projects) {
    if (!project) continue;
    writer.paragraph(
      `**${project.name}** is **${formatShare(project.progress)}** done and ${formatEnum(project.status)}, ` +
        `due ${project.dueDate}` +
        (project.owner ? `, owned by ${project.owner.name}` : '') +
        (project.team ? ` (${project.team.name})` : '') +
        `. ${project.description}`,
    );
    if (project.milestones.length > 0) {
      writer.table(
        ['Milestone', 'Due', 'Status', 'Completed'],
        project.milestones.map((m) => [m.name, m.dueDate, formatEnum(m.status), m.completedAt ?? '–']),
      );
    }
    writer.cite('Project', project.id);
  }
}
