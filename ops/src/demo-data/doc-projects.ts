/** Project updates: a note when a milestone lands, and the owner's latest status report. */
import { parseIsoDate, type Milestone, type Project } from '@sophia/domain';
import { type DocumentContext, type DocumentDraft, paragraphs, workdayTimestamp } from './doc-context.ts';
import { formatDate } from './format.ts';
import type { Rng } from './prng.ts';

/** Milestone notes per project, the most recent ones. */
const MILESTONE_NOTES = 2;

const STATUS_EXPLANATIONS: Record<Project['status'], readonly string[]> = {
  ON_TRACK: [
    'Everything due so far has landed; the team is heads-down on the next milestone.',
    'On track. Scope is stable and the remaining work is estimated with confidence.',
  ],
  AT_RISK: [
    'At risk: one milestone slipped because a dependency on another team arrived late. A recovery plan is below.',
    'At risk: we underestimated the integration work and are a milestone behind. We are cutting scope to recover.',
  ],
  OFF_TRACK: [
    'Off track: two weeks of slippage have compounded and the due date is no longer realistic without help.',
    'Off track: the key engineer moved to an incident and the milestone is now weeks overdue. Asking for a decision on scope or date.',
  ],
  COMPLETED: ['Completed. Retrospective notes are linked from the project page.'],
  NOT_STARTED: ['Not started yet; staffing is confirmed for the start date.'],
};

function milestoneNote(
  rng: Rng,
  context: DocumentContext,
  project: Project,
  milestone: Milestone,
): DocumentDraft {
  const owner = context.user(project.ownerId);
  const next = project.milestones[project.milestones.indexOf(milestone) + 1];
  return {
    title: `${project.name}: ${milestone.name} done`,
    kind: 'NOTE',
    content: paragraphs(
      `${milestone.name} for ${project.name} was completed on ${formatDate(milestone.completedAt ?? milestone.dueDate)} (due ${formatDate(milestone.dueDate)}).`,
      rng.pick([
        'Thanks to everyone who pitched in over the last sprint.',
        'It took one extra review cycle, but the result is solid.',
        'Feedback from the first users has been positive.',
      ]),
      next ? `Next up: ${next.name}, due ${formatDate(next.dueDate)}. — ${owner.name}` : `— ${owner.name}`,
    ),
    authorId: owner.id,
    accountId: null,
    projectId: project.id,
    dealId: null,
    visibility: 'ORG',
    createdAt: workdayTimestamp(
      rng,
      parseIsoDate(milestone.completedAt ?? milestone.dueDate),
      context.anchorDay,
    ),
    tags: ['project-update', 'milestone'],
  };
}

function statusReport(rng: Rng, context: DocumentContext, project: Project): DocumentDraft {
  const owner = context.user(project.ownerId);
  const done = project.milestones.filter((milestone) => milestone.completedAt !== null);
  const overdue = project.milestones.filter(
    (milestone) => milestone.completedAt === null && milestone.dueDate < context.sources.anchor,
  );
  const upcoming = project.milestones.filter(
    (milestone) => milestone.completedAt === null && milestone.dueDate >= context.sources.anchor,
  );
  return {
    title: `${project.name} – status update`,
    kind: 'NOTE',
    content: paragraphs(
      `Status: ${project.status.toLowerCase().replace('_', ' ')}, ${Math.round(project.progress * 100)}% complete, due ${formatDate(project.dueDate)}. ${rng.pick(STATUS_EXPLANATIONS[project.status])}`,
      `Done: ${done.length > 0 ? done.map((milestone) => milestone.name).join(', ') : 'nothing yet'}.`,
      overdue.length > 0
        ? `Overdue: ${overdue.map((milestone) => `${milestone.name} (due ${formatDate(milestone.dueDate)})`).join(', ')}.`
        : null,
      upcoming.length > 0
        ? `Coming up: ${upcoming.map((milestone) => `${milestone.name} (${formatDate(milestone.dueDate)})`).join(', ')}.`
        : null,
      `Owner: ${owner.name}, ${owner.title}.`,
    ),
    authorId: owner.id,
    accountId: null,
    projectId: project.id,
    dealId: null,
    visibility: 'ORG',
    createdAt: workdayTimestamp(rng, context.anchorDay - rng.int(0, 6), context.anchorDay),
    tags: ['project-update', 'status', project.status.toLowerCase().replace('_', '-')],
  };
}

export function projectDocuments(rng: Rng, context: DocumentContext): DocumentDraft[] {
  return context.sources.projects.flatMap((project) => {
    if (project.status === 'NOT_STARTED') return [];
    const projectRng = rng.fork(project.id);
    const completed = project.milestones
      .filter((milestone) => milestone.completedAt !== null)
      .slice(-MILESTONE_NOTES);
    const notes = completed.map((milestone) => milestoneNote(projectRng, context, project, milestone));
    return project.status === 'COMPLETED' ? notes : [...notes, statusReport(projectRng, context, project)];
  });
}
