import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, DuckDb } from '@sophia/kit';
import type { RunningSubgraph } from '@sophia/kit/testing';
import { company, dataOf, newDataDir, startProject } from './harness.ts';

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on User { id name email role team { id } }
    ... on Team { id name lead { id } }
    ... on Project { id name status owner { id } }
    ... on Objective { id period title keyResults { id } }
  }
}`;

const firstObjective = company.objectives.find((o) => o.period === '2026-Q4')!;

describe('project entities, access, bad input and restarts', () => {
  const dataDir = newDataDir();
  let project: RunningSubgraph;
  beforeAll(async () => {
    project = await startProject(dataDir);
  });
  afterAll(() => project.close());

  it('resolves User, Team, Project and Objective entities by id, null for unknown ids', async () => {
    const ceo = company.users[0]!;
    const team = company.teams.find((t) => t.id === 'team_sales')!;
    const source = company.projects[1]!;
    const { _entities: entities } = dataOf(
      await project.request<{ _entities: Array<Record<string, unknown> | null> }>(ENTITIES, {
        variables: {
          r: [
            { __typename: 'User', id: ceo.id },
            { __typename: 'Team', id: team.id },
            { __typename: 'Project', id: source.id },
            { __typename: 'Objective', id: firstObjective.id },
            { __typename: 'User', id: 'usr_nope' },
            { __typename: 'Project', id: 'prj_nope' },
            { __typename: 'Objective', id: 'obj_nope' },
          ],
        },
      }),
    );
    expect(entities).toEqual([
      { id: ceo.id, name: ceo.name, email: ceo.email, role: 'EXECUTIVE', team: { id: ceo.teamId } },
      { id: team.id, name: team.name, lead: { id: team.leadId } },
      { id: source.id, name: source.name, status: source.status, owner: { id: source.ownerId } },
      {
        id: firstObjective.id,
        period: '2026-Q4',
        title: firstObjective.title,
        keyResults: firstObjective.keyResults.map((kr) => ({ id: kr.id })),
      },
      null,
      null,
      null,
    ]);
  });

  it('resolves many User references (as Deal.owner does through the gateway) in one batch', async () => {
    const representations = company.users.map((user) => ({ __typename: 'User', id: user.id }));
    const { _entities: entities } = dataOf(
      await project.request<{ _entities: Array<{ id: string }> }>(ENTITIES, {
        variables: { r: representations },
      }),
    );
    expect(entities.map((user) => user.id)).toEqual(company.users.map((user) => user.id));
  });

  it.each([
    ['{ me { id } }'],
    ['{ user(id: "usr_001") { id } }'],
    ['{ users { id } }'],
    ['{ teams { id } }'],
    ['{ projects { id } }'],
    ['{ project(id: "prj_01") { id } }'],
    ['{ atRisk { id } }'],
    ['{ objectives { id } }'],
  ])('refuses an anonymous viewer: %s', async (query) => {
    const response = await project.request(query, { viewer: ANONYMOUS });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(response.data ?? null)).not.toContain('usr_');
  });

  it('refuses anonymous entity lookups', async () => {
    const response = await project.request(ENTITIES, {
      viewer: ANONYMOUS,
      variables: {
        r: [
          { __typename: 'User', id: 'usr_001' },
          { __typename: 'Objective', id: firstObjective.id },
        ],
      },
    });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(response.data ?? null)).not.toContain(company.users[0]!.name);
  });

  it('refuses a request the gateway did not sign', async () => {
    const response = await project.request('{ me { id } }', { viewer: null });
    expect(response.status).toBe(401);
  });

  it.each(['banana', '2026-Q5', '2026-13', 'Q0', '26-Q1'])(
    'answers period %j with BAD_USER_INPUT',
    async (period) => {
      const response = await project.request('query($p: String) { objectives(period: $p) { id } }', {
        variables: { p: period },
      });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'period' });
      expect(response.errors?.[0]?.message).toContain(period);
    },
  );

  it('answers an unknown project status with BAD_USER_INPUT', async () => {
    const response = await project.request('{ projects(status: LATE) { id } }');
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses a search over 200 characters and an _entities list over 10,000, before any work', async () => {
    const search = await project.request('query($s: String) { users(search: $s) { id } }', {
      variables: { s: 'x'.repeat(201) },
    });
    expect(search.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'search' });
    const representations = Array.from({ length: 10_001 }, () => ({ __typename: 'User', id: 'usr_001' }));
    const entities = await project.request(ENTITIES, { variables: { r: representations } });
    expect(entities.status).toBe(400);
    expect(entities.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('keeps its data across a restart, without loading the demo company again', async () => {
    await project.close();
    // Change a row behind the service's back: a reload would overwrite it.
    const db = await DuckDb.open(dataDir, 'project.duckdb');
    await db.run('UPDATE users SET title = ? WHERE id = ?', [
      'Chief Executive Officer and Founder',
      'usr_001',
    ]);
    await db.close();

    // A different configured anchor must not move "today": the stored rows were built for the first one.
    project = await startProject(dataDir, '2026-06-30');
    const { me, objectives } = dataOf(
      await project.request<{ me: { title: string }; objectives: Array<{ id: string }> }>(
        '{ me { title } objectives { id } }',
      ),
    );
    expect(me.title).toBe('Chief Executive Officer and Founder');
    expect(objectives.map((o) => o.id)).toEqual(
      company.objectives.filter((o) => o.period === '2026-Q4').map((o) => o.id),
    );
  });
});
