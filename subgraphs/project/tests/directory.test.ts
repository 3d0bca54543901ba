import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningSubgraph } from '@sophia/kit/testing';
import { ProjectStore } from '../src/store.ts';
import { byName, company, dataOf, startProjectOn } from './harness.ts';
import { STORE_BACKENDS } from '../../kit/tests/store-contract-backends.ts';

interface Person {
  id: string;
  name: string;
  email: string;
  title: string;
  role: string;
}

const ceo = company.users.find((user) => user.id === 'usr_001')!;

// On each store backend: embedded DuckDB, and the FAKE Snowflake through snowflake-sdk (the SQL is shared).
describe.each(STORE_BACKENDS)('the directory on %s', (dialect) => {
  let project: RunningSubgraph;
  beforeAll(async () => {
    project = await startProjectOn(dialect);
  });
  afterAll(() => project.close());

  it('answers `me` with the viewer: the chief executive, with team, no manager and direct reports', async () => {
    const { me } = dataOf(
      await project.request<{
        me: Person & { team: { id: string }; manager: null; reports: Array<{ id: string; name: string }> };
      }>('{ me { id name email title role team { id } manager { id } reports { id name } } }'),
    );
    expect(me).toMatchObject({
      id: 'usr_001',
      name: ceo.name,
      email: ceo.email,
      title: 'Chief Executive Officer',
      role: 'EXECUTIVE',
      team: { id: ceo.teamId },
      manager: null,
    });
    const reports = company.users.filter((user) => user.managerId === 'usr_001').sort(byName);
    expect(reports.length).toBeGreaterThan(0);
    expect(me.reports.map((user) => user.id)).toEqual(reports.map((user) => user.id));
  });

  it('gives null for `me` when the viewer is not in the directory', async () => {
    const response = await project.request('{ me { id } }', {
      viewer: { userId: 'usr_999', roles: ['member'], scopes: [] },
    });
    expect(dataOf(response)).toEqual({ me: null });
  });

  it('finds one person by id, with their manager and owned projects; null for an unknown id', async () => {
    const person = company.users.find(
      (user) => company.projects.some((p) => p.ownerId === user.id) && user.managerId,
    )!;
    const { user, missing } = dataOf(
      await project.request<{
        user: { id: string; manager: { id: string }; ownedProjects: Array<{ id: string }> };
        missing: null;
      }>(
        'query($id: ID!) { user(id: $id) { id manager { id } ownedProjects { id } } missing: user(id: "usr_nope") { id } }',
        {
          variables: { id: person.id },
        },
      ),
    );
    expect(user.manager.id).toBe(person.managerId);
    const owned = company.projects.filter((p) => p.ownerId === person.id).map((p) => p.id);
    expect(user.ownedProjects.map((p) => p.id).sort()).toEqual(owned.sort());
    expect(missing).toBeNull();
  });

  it('lists everyone by name, or the members of one team', async () => {
    const teamId = 'team_enterprise_sales';
    const { all, team } = dataOf(
      await project.request<{ all: Person[]; team: Array<{ id: string; team: { id: string } }> }>(
        'query($teamId: ID) { all: users { id name email title role } team: users(teamId: $teamId) { id team { id } } }',
        { variables: { teamId } },
      ),
    );
    expect(all.map((user) => user.id)).toEqual([...company.users].sort(byName).map((user) => user.id));
    const members = company.users.filter((user) => user.teamId === teamId);
    expect(members.length).toBeGreaterThan(1);
    expect(team.map((user) => user.id).sort()).toEqual(members.map((user) => user.id).sort());
    expect(team.every((user) => user.team.id === teamId)).toBe(true);
  });

  it('searches name, email and title case-insensitively', async () => {
    const matches = (text: string) =>
      company.users.filter((user) =>
        [user.name, user.email, user.title].some((field) => field.toLowerCase().includes(text.toLowerCase())),
      );
    const surname = ceo.name.split(' ').at(-1)!;
    for (const search of ['ENGINEER', 'account executive', surname.toUpperCase(), `@${company.domain}`]) {
      const { users } = dataOf(
        await project.request<{ users: Person[] }>('query($s: String) { users(search: $s) { id name } }', {
          variables: { s: search },
        }),
      );
      const expected = matches(search);
      expect(expected.length, search).toBeGreaterThan(0);
      expect(users.map((user) => user.id).sort(), search).toEqual(expected.map((user) => user.id).sort());
    }
  });

  it('treats LIKE wildcards in a search as plain characters', async () => {
    const { percent, underscore } = dataOf(
      await project.request<{ percent: Person[]; underscore: Person[] }>(
        '{ percent: users(search: "%") { id } underscore: users(search: "_") { id } }',
      ),
    );
    expect(percent).toEqual([]);
    expect(underscore).toEqual([]);
  });

  it('lists teams with lead, parent, members and projects', async () => {
    const { teams } = dataOf(
      await project.request<{
        teams: Array<{
          id: string;
          name: string;
          lead: { id: string } | null;
          parent: { id: string } | null;
          members: Array<{ id: string }>;
          projects: Array<{ id: string }>;
        }>;
      }>('{ teams { id name lead { id } parent { id } members { id } projects { id } } }'),
    );
    expect(teams.map((team) => team.id)).toEqual([...company.teams].sort(byName).map((team) => team.id));
    for (const team of company.teams) {
      const served = teams.find((candidate) => candidate.id === team.id)!;
      expect(served.lead?.id, team.id).toBe(team.leadId);
      expect(served.parent?.id ?? null, team.id).toBe(team.parentId);
      const members = company.users.filter((user) => user.teamId === team.id).map((user) => user.id);
      expect(served.members.map((user) => user.id).sort(), team.id).toEqual(members.sort());
      const projects = company.projects.filter((p) => p.teamId === team.id).map((p) => p.id);
      expect(served.projects.map((p) => p.id).sort(), team.id).toEqual(projects.sort());
    }
    expect(teams.some((team) => team.parent !== null)).toBe(true);
  });

  it('loads nested people and teams in batches, not one query per row', async () => {
    const usersByIds = vi.spyOn(ProjectStore.prototype, 'usersByIds');
    const teamsByIds = vi.spyOn(ProjectStore.prototype, 'teamsByIds');
    const usersByManagerIds = vi.spyOn(ProjectStore.prototype, 'usersByManagerIds');
    try {
      dataOf(await project.request('{ users { id manager { id } team { id } reports { id } } }'));
      expect(usersByIds).toHaveBeenCalledTimes(1);
      expect(teamsByIds).toHaveBeenCalledTimes(1);
      expect(usersByManagerIds).toHaveBeenCalledTimes(1);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
