/**
 * A team the question names: how many people are in it (with the teams under it, counted through
 * `TeamMembers` in parallel), who leads it, and what it is working on.
 */
import type { ProjectEntry, TeamEntry } from '../directory.ts';
import { formatEnum, formatShare } from '../format.ts';
import { callTool } from '../tool-data.ts';
import { type AnswerContext } from './context.ts';

const LEAD = /\b(who (runs|leads|heads|manages)|head of|lead of|leader of|in charge of)\b/i;
const WORK = /\b(working on|work on|projects?|busy with|focus(ed)? on|doing)\b/i;

/** The team and every team under it. */
function withSubTeams(team: TeamEntry, teams: readonly TeamEntry[]): TeamEntry[] {
  const under = teams.filter((other) => other.parentId === team.id);
  return [team, ...under.flatMap((child) => withSubTeams(child, teams))];
}

async function size(context: AnswerContext, team: TeamEntry, teams: readonly TeamEntry[]): Promise<void> {
  const { writer, request } = context;
  const parts = withSubTeams(team, teams);
  const members = await Promise.all(
    parts.map((part) =>
      callTool<{ id: string; name: string }[]>(request.tools, 'TeamMembers', { teamId: part.id }, 'users'),
    ),
  );
  if (writer.aborted) return;
  const total = members.reduce((sum, list) => sum + list.length, 0);
  const breakdown =
    parts.length > 1 ? ` (${parts.map((part, i) => `${part.name} ${members[i]!.length}`).join(', ')})` : '';
  writer.paragraph(
    `**${team.name}** has **${total}** people${breakdown}` +
      (team.lead ? `, led by ${team.lead.name}` : '') +
      '.',
  );
}

async function work(context: AnswerContext, team: TeamEntry): Promise<void> {
  const { writer, request } = context;
  // Fetched in this reply, not taken from the cached directory: every figure cites this reply's tools.
  const all = await callTool<ProjectEntry[]>(request.tools, 'ProjectDirectory', {}, 'projects');
  if (writer.aborted) return;
  const projects = all.filter((project) => project.team?.id === team.id && project.status !== 'COMPLETED');
  if (projects.length === 0) {
    writer.paragraph(`**${team.name}** owns no open project in Sophia.`);
    return;
  }
  writer.paragraph(`**${team.name}** is working on ${projects.length} projects:`);
  writer.table(
    ['Project', 'Status', 'Progress', 'Due', 'Owner'],
    projects.map((project) => [
      project.name,
      formatEnum(project.status),
      formatShare(project.progress),
      project.dueDate,
      project.owner?.name ?? '–',
    ]),
  );
  for (const project of projects) writer.cite('Project', project.id);
}

export async function answerTeam(context: AnswerContext): Promise<void> {
  const { request, writer, directory } = context;
  const teams = directory.teams ?? [];
  for (const named of request.understanding.teams ?? []) {
    const team = teams.find((entry) => entry.id === named.id);
    if (!team) continue;
    if (LEAD.test(request.question)) {
      writer.paragraph(
        team.lead
          ? `**${team.lead.name}** leads ${team.name}.`
          : `The directory names no lead for ${team.name}.`,
      );
    } else if (WORK.test(request.question)) await work(context, team);
    else await size(context, team, teams);
  }
}
