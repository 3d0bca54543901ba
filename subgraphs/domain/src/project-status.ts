/** A project's status follows from its milestones, so the dashboard, the assistant and the data never disagree. */
import { parseIsoDate } from './dates.ts';
import type { Milestone, ProjectStatus } from './types.ts';

/** A milestone this many days overdue puts the whole project off track. */
export const OFF_TRACK_AFTER_DAYS = 21;

/**
 * - COMPLETED: every milestone done. NOT_STARTED: starts after `today`.
 * - OFF_TRACK: two or more milestones overdue, or one more than three weeks overdue.
 * - AT_RISK: one milestone overdue. ON_TRACK: nothing overdue.
 */
export function deriveProjectStatus(
  project: { startDate: string; milestones: readonly Pick<Milestone, 'dueDate' | 'completedAt'>[] },
  today: string,
): ProjectStatus {
  if (
    project.milestones.length > 0 &&
    project.milestones.every((milestone) => milestone.completedAt !== null)
  ) {
    return 'COMPLETED';
  }
  if (project.startDate > today) return 'NOT_STARTED';
  const overdueDays = project.milestones
    .filter((milestone) => milestone.completedAt === null && milestone.dueDate < today)
    .map((milestone) => parseIsoDate(today) - parseIsoDate(milestone.dueDate));
  if (overdueDays.length >= 2 || overdueDays.some((days) => days > OFF_TRACK_AFTER_DAYS)) return 'OFF_TRACK';
  return overdueDays.length === 1 ? 'AT_RISK' : 'ON_TRACK';
}
