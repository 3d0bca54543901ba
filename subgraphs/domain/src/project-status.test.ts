import { describe, expect, it } from 'vitest';
import { deriveProjectStatus } from './project-status.ts';

const TODAY = '2026-11-24';
const milestone = (dueDate: string, completedAt: string | null = null) => ({ dueDate, completedAt });

describe('deriveProjectStatus', () => {
  it('is COMPLETED when every milestone is done', () => {
    const milestones = [milestone('2026-09-01', '2026-08-30'), milestone('2026-10-01', '2026-10-03')];
    expect(deriveProjectStatus({ startDate: '2026-08-01', milestones }, TODAY)).toBe('COMPLETED');
  });

  it('is NOT_STARTED before its start date', () => {
    expect(
      deriveProjectStatus({ startDate: '2026-12-01', milestones: [milestone('2027-01-15')] }, TODAY),
    ).toBe('NOT_STARTED');
  });

  it('is ON_TRACK with nothing overdue (a milestone due today is not overdue)', () => {
    const milestones = [milestone('2026-10-01', '2026-09-29'), milestone(TODAY), milestone('2027-01-10')];
    expect(deriveProjectStatus({ startDate: '2026-08-01', milestones }, TODAY)).toBe('ON_TRACK');
  });

  it('is AT_RISK with one milestone recently overdue', () => {
    const milestones = [milestone('2026-11-20'), milestone('2027-01-10')];
    expect(deriveProjectStatus({ startDate: '2026-08-01', milestones }, TODAY)).toBe('AT_RISK');
  });

  it('is OFF_TRACK with two overdue milestones or one more than three weeks late', () => {
    expect(
      deriveProjectStatus(
        { startDate: '2026-08-01', milestones: [milestone('2026-11-10'), milestone('2026-11-20')] },
        TODAY,
      ),
    ).toBe('OFF_TRACK');
    expect(
      deriveProjectStatus({ startDate: '2026-08-01', milestones: [milestone('2026-10-30')] }, TODAY),
    ).toBe('OFF_TRACK');
  });
});
