import { describe, expect, it } from 'vitest';
import { deriveProjectStatus } from '@sophia/domain';
import { ANCHOR, company } from './test-fixture.ts';

describe('projects', () => {
  it('have the status their milestones imply', () => {
    for (const project of company.projects) {
      expect(project.status, project.name).toBe(deriveProjectStatus(project, ANCHOR));
    }
  });

  it('include a mix of statuses, with a few slipping', () => {
    const count = (status: string) => company.projects.filter((project) => project.status === status).length;
    expect(count('AT_RISK') + count('OFF_TRACK')).toBeGreaterThanOrEqual(3);
    expect(count('ON_TRACK')).toBeGreaterThanOrEqual(5);
    expect(count('COMPLETED')).toBeGreaterThanOrEqual(2);
    expect(count('NOT_STARTED')).toBeGreaterThanOrEqual(1);
  });

  it('keep milestones in order within the project, completed no later than the anchor', () => {
    for (const project of company.projects) {
      expect(project.milestones.length).toBeGreaterThanOrEqual(3);
      expect(project.milestones.at(-1)?.dueDate).toBe(project.dueDate);
      project.milestones.forEach((milestone, index) => {
        expect(milestone.id).toBe(`ms_${project.id.slice(4)}_${index + 1}`);
        expect(milestone.dueDate > project.startDate).toBe(true);
        if (index > 0) expect(milestone.dueDate > (project.milestones[index - 1]?.dueDate ?? '')).toBe(true);
        if (milestone.completedAt !== null) expect(milestone.completedAt <= ANCHOR).toBe(true);
      });
      expect(project.progress).toBeGreaterThanOrEqual(0);
      expect(project.progress).toBeLessThanOrEqual(1);
      if (project.status === 'COMPLETED') expect(project.progress).toBe(1);
      if (project.status === 'NOT_STARTED') expect(project.progress).toBe(0);
    }
  });

  it('name real customers where a project is about one', () => {
    const names = company.accounts
      .filter((account) => account.status === 'CUSTOMER')
      .map((account) => account.name);
    const customerProjects = company.projects.filter((project) =>
      names.some((name) => project.name.startsWith(name)),
    );
    expect(customerProjects.length).toBeGreaterThanOrEqual(3);
  });
});
