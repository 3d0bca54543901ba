import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ANCHOR, type RunningSubgraph } from '@sophia/kit/testing';
import type { Project as GeneratedProject } from '@sophia/ops';
import { company, dataOf, startProjectOn } from './harness.ts';
import { STORE_BACKENDS } from '../../kit/tests/store-contract-backends.ts';

interface Project {
  id: string;
  name: string;
  status: string;
  progress: number;
  startDate: string;
  dueDate: string;
  owner: { id: string };
  team: { id: string } | null;
  milestones: Array<{
    id: string;
    name: string;
    dueDate: string;
    completedAt: string | null;
    status: string;
  }>;
}

const PROJECT_FIELDS = `id name status progress startDate dueDate owner { id } team { id }
  milestones { id name dueDate completedAt status }`;

const slipping = (status: string) => status === 'AT_RISK' || status === 'OFF_TRACK';
const byDue = (a: GeneratedProject, b: GeneratedProject) =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1;

// On each store backend: embedded DuckDB, and the FAKE Snowflake through snowflake-sdk (the SQL is shared).
describe.each(STORE_BACKENDS)('projects on %s', (dialect) => {
  let project: RunningSubgraph;
  beforeAll(async () => {
    project = await startProjectOn(dialect);
  });
  afterAll(() => project.close());

  it('lists every project, at-risk and off-track first, then by due date', async () => {
    const { projects } = dataOf(
      await project.request<{ projects: Project[] }>(`{ projects { ${PROJECT_FIELDS} } }`),
    );
    const expected = [
      ...company.projects.filter((p) => slipping(p.status)).sort(byDue),
      ...company.projects.filter((p) => !slipping(p.status)).sort(byDue),
    ];
    expect(projects.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    for (const served of projects) {
      const source = company.projects.find((p) => p.id === served.id)!;
      expect(served).toMatchObject({
        name: source.name,
        status: source.status,
        progress: source.progress,
        startDate: source.startDate,
        dueDate: source.dueDate,
        owner: { id: source.ownerId },
        team: { id: source.teamId },
      });
      expect(served.milestones.map((m) => m.id)).toEqual(source.milestones.map((m) => m.id));
    }
  });

  it('filters by status', async () => {
    const { completed } = dataOf(
      await project.request<{ completed: Project[] }>(
        '{ completed: projects(status: COMPLETED) { id status } }',
      ),
    );
    const expected = company.projects.filter((p) => p.status === 'COMPLETED');
    expect(expected.length).toBeGreaterThan(0);
    expect(completed.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
  });

  it('lists projects at risk: only AT_RISK and OFF_TRACK, off track first, then nearest due date', async () => {
    const { atRisk } = dataOf(
      await project.request<{ atRisk: Project[] }>(`{ atRisk { ${PROJECT_FIELDS} } }`),
    );
    expect(atRisk.length).toBeGreaterThan(0);
    expect(atRisk.every((p) => slipping(p.status))).toBe(true);
    const expected = [
      ...company.projects.filter((p) => p.status === 'OFF_TRACK').sort(byDue),
      ...company.projects.filter((p) => p.status === 'AT_RISK').sort(byDue),
    ];
    expect(atRisk.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    expect(new Set(atRisk.map((p) => p.status))).toEqual(new Set(['OFF_TRACK', 'AT_RISK']));
    // A project slips because a milestone is overdue.
    for (const p of atRisk)
      expect(
        p.milestones.some((m) => m.status === 'OVERDUE'),
        p.id,
      ).toBe(true);
  });

  it('gives milestones their status as of the anchor day', async () => {
    const { projects } = dataOf(
      await project.request<{ projects: Project[] }>(`{ projects { ${PROJECT_FIELDS} } }`),
    );
    const milestones = projects.flatMap((p) => p.milestones);
    for (const m of milestones) {
      const expected = m.completedAt !== null ? 'DONE' : m.dueDate < TEST_ANCHOR ? 'OVERDUE' : 'UPCOMING';
      expect(m.status, m.id).toBe(expected);
    }
    expect(new Set(milestones.map((m) => m.status))).toEqual(new Set(['DONE', 'OVERDUE', 'UPCOMING']));
  });

  it('finds one project by id, null for an unknown id', async () => {
    const source = company.projects[0]!;
    const { found, missing } = dataOf(
      await project.request<{ found: Project; missing: null }>(
        `query($id: ID!) { found: project(id: $id) { ${PROJECT_FIELDS} } missing: project(id: "prj_nope") { id } }`,
        { variables: { id: source.id } },
      ),
    );
    expect(found).toMatchObject({ id: source.id, name: source.name, owner: { id: source.ownerId } });
    expect(found.milestones).toHaveLength(source.milestones.length);
    expect(missing).toBeNull();
  });
});
