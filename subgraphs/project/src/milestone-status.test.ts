import { describe, expect, it } from 'vitest';
import { milestoneStatus } from './milestone-status.ts';

describe('milestoneStatus', () => {
  const today = '2026-11-24';

  it('is DONE once completed, even if completed late', () => {
    expect(milestoneStatus({ dueDate: '2026-10-01', completedAt: '2026-10-20' }, today)).toBe('DONE');
  });

  it('is OVERDUE when open past its due day', () => {
    expect(milestoneStatus({ dueDate: '2026-11-23', completedAt: null }, today)).toBe('OVERDUE');
  });

  it('is UPCOMING when open and due today or later', () => {
    expect(milestoneStatus({ dueDate: today, completedAt: null }, today)).toBe('UPCOMING');
    expect(milestoneStatus({ dueDate: '2027-01-15', completedAt: null }, today)).toBe('UPCOMING');
  });
});
