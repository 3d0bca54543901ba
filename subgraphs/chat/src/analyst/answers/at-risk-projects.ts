/** Projects at risk or off track, the most urgent first, as `AtRiskProjects` ranks them. */
import { formatEnum, formatShare } from '../format.ts';
import { callTool, type NamedRef } from '../tool-data.ts';
import { daysBetween, today, type AnswerContext } from './context.ts';

interface ProjectData {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly progress: number;
  readonly dueDate: string;
  readonly owner: NamedRef | null;
}

export async function answerAtRiskProjects(context: AnswerContext): Promise<void> {
  const { request, writer } = context;
  const projects = await callTool<ProjectData[]>(request.tools, 'AtRiskProjects', {}, 'atRisk');
  if (writer.aborted) return;
  if (projects.length === 0) {
    writer.paragraph('No project is at risk or off track.');
    return;
  }
  const offTrack = projects.filter((project) => project.status === 'OFF_TRACK').length;
  writer.paragraph(
    `**${projects.length} projects** need attention: ${offTrack} off track, ${projects.length - offTrack} at risk.`,
  );
  const on = today(context);
  writer.table(
    ['Project', 'Owner', 'Status', 'Progress', 'Due'],
    projects.map((project) => {
      const days = daysBetween(on, project.dueDate);
      const due = days < 0 ? `${project.dueDate} (overdue)` : `${project.dueDate} (in ${days} days)`;
      return [
        project.name,
        project.owner?.name ?? '–',
        formatEnum(project.status),
        formatShare(project.progress),
        due,
      ];
    }),
  );
  for (const project of projects) writer.cite('Project', project.id);
}
