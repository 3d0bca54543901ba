export type MilestoneStatus = 'DONE' | 'UPCOMING' | 'OVERDUE';

/** A milestone as of `today` (YYYY-MM-DD): done once completed, overdue once its due day has passed. */
export function milestoneStatus(
  milestone: { readonly dueDate: string; readonly completedAt: string | null },
  today: string,
): MilestoneStatus {
  if (milestone.completedAt !== null) return 'DONE';
  return milestone.dueDate < today ? 'OVERDUE' : 'UPCOMING';
}
