import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, DIRECTORY_REFERENCE_DATE, demoDirectory, generateCompany } from './company.ts';
import { ANCHOR, company } from './test-fixture.ts';
import type { User } from '@sophia/domain';

/** A user without the hire date: what must not depend on the anchor. */
const identity = ({ startDate: _startDate, ...user }: User) => user;

describe('generateCompany', () => {
  it('is deterministic for a seed and an anchor', () => {
    expect(generateCompany({ anchor: ANCHOR })).toEqual(company);
    expect(generateCompany({ seed: 7, anchor: ANCHOR })).not.toEqual(company);
  });

  it('describes itself', () => {
    expect(company).toMatchObject({
      name: 'Northwind Analytics',
      domain: 'northwindanalytics.com',
      currency: 'USD',
      seed: DEFAULT_SEED,
      anchor: ANCHOR,
      factStart: '2024-10-01',
    });
  });

  it('defaults the anchor to today (UTC)', () => {
    expect(generateCompany().anchor).toBe(new Date().toISOString().slice(0, 10));
  });

  it('rejects an anchor that is not a date', () => {
    expect(() => generateCompany({ anchor: '2026-02-30' })).toThrow(RangeError);
  });

  it('has the sizes of a mid-size company', () => {
    expect(company.users.length).toBeGreaterThanOrEqual(110);
    expect(company.users.length).toBeLessThanOrEqual(130);
    expect(company.teams.length).toBeGreaterThanOrEqual(10);
    expect(company.accounts.length).toBeGreaterThanOrEqual(140);
    expect(company.accounts.length).toBeLessThanOrEqual(170);
    const closed = company.deals.filter((deal) => deal.closedAt !== null);
    expect(closed.length).toBeGreaterThanOrEqual(500);
    expect(closed.length).toBeLessThanOrEqual(700);
    expect(company.deals.length - closed.length).toBeGreaterThanOrEqual(30);
    expect(company.projects.length).toBe(25);
    expect(company.documents.length).toBeGreaterThanOrEqual(200);
  });

  it('gives every record a unique id', () => {
    const groups = {
      users: company.users,
      teams: company.teams,
      accounts: company.accounts,
      deals: company.deals,
      projects: company.projects,
      milestones: company.projects.flatMap((project) => project.milestones),
      objectives: company.objectives,
      keyResults: company.objectives.flatMap((objective) => objective.keyResults),
      documents: company.documents,
      metrics: company.metrics,
    };
    for (const [name, records] of Object.entries(groups)) {
      expect(new Set(records.map((record) => record.id)).size, name).toBe(records.length);
    }
    expect(company.users[0]?.id).toBe('usr_001');
    expect(company.accounts[0]?.id).toBe('acc_001');
    expect(company.deals[0]?.id).toBe('deal_0001');
    expect(company.projects[0]?.id).toBe('prj_01');
    expect(company.documents[0]?.id).toBe('doc_0001');
  });

  it('only references records that exist', () => {
    const users = new Set(company.users.map((user) => user.id));
    const teams = new Set(company.teams.map((team) => team.id));
    const accounts = new Set(company.accounts.map((account) => account.id));
    const deals = new Set(company.deals.map((deal) => deal.id));
    const projects = new Set(company.projects.map((project) => project.id));
    const metrics = new Set(company.metrics.map((metric) => metric.id));
    const salesUsers = new Set(
      company.users.filter((user) => user.roles.includes('sales')).map((user) => user.id),
    );

    for (const user of company.users) {
      expect(teams.has(user.teamId)).toBe(true);
      if (user.managerId !== null) expect(users.has(user.managerId)).toBe(true);
    }
    for (const team of company.teams) {
      expect(users.has(team.leadId)).toBe(true);
      if (team.parentId !== null) expect(teams.has(team.parentId)).toBe(true);
    }
    for (const account of company.accounts) expect(salesUsers.has(account.ownerId)).toBe(true);
    for (const deal of company.deals) {
      expect(accounts.has(deal.accountId)).toBe(true);
      expect(salesUsers.has(deal.ownerId)).toBe(true);
    }
    for (const project of company.projects) {
      expect(users.has(project.ownerId)).toBe(true);
      expect(teams.has(project.teamId)).toBe(true);
      for (const milestone of project.milestones) expect(milestone.projectId).toBe(project.id);
    }
    for (const objective of company.objectives) {
      expect(users.has(objective.ownerId)).toBe(true);
      expect(teams.has(objective.teamId)).toBe(true);
      for (const keyResult of objective.keyResults) {
        expect(keyResult.objectiveId).toBe(objective.id);
        if (keyResult.metricId !== null) expect(metrics.has(keyResult.metricId)).toBe(true);
      }
    }
    for (const target of company.targets) expect(metrics.has(target.metricId)).toBe(true);
    for (const document of company.documents) {
      expect(users.has(document.authorId)).toBe(true);
      if (document.accountId !== null) expect(accounts.has(document.accountId)).toBe(true);
      if (document.dealId !== null) expect(deals.has(document.dealId)).toBe(true);
      if (document.projectId !== null) expect(projects.has(document.projectId)).toBe(true);
    }
  });

  it('builds on other anchors too: a quarter start, a leap day, the past', () => {
    for (const anchor of ['2026-10-01', '2028-02-29', '2021-06-15']) {
      const other = generateCompany({ anchor });
      expect(other.facts.at(-1)?.date).toBe(anchor);
      expect(other.deals.every((deal) => deal.createdAt <= anchor)).toBe(true);
      expect(other.documents.every((document) => document.createdAt.slice(0, 10) <= anchor)).toBe(true);
    }
  });
});

describe('people', () => {
  it('is a single tree under the chief executive', () => {
    const ceo = company.users[0];
    expect(ceo).toMatchObject({
      id: 'usr_001',
      title: 'Chief Executive Officer',
      role: 'EXECUTIVE',
      managerId: null,
    });
    expect(company.users.filter((user) => user.managerId === null)).toHaveLength(1);
    const byId = new Map(company.users.map((user) => [user.id, user]));
    for (const user of company.users) {
      let current = user;
      for (let steps = 0; current.managerId !== null; steps++) {
        expect(steps).toBeLessThan(10);
        current = byId.get(current.managerId) ?? current;
      }
      expect(current.id).toBe('usr_001');
    }
  });

  it('has the executive team, with authorization roles', () => {
    const byTitle = (title: string) => company.users.find((user) => user.title === title);
    expect(byTitle('Chief Financial Officer')?.roles).toEqual(
      expect.arrayContaining(['exec', 'finance', 'member']),
    );
    expect(byTitle('Chief Revenue Officer')?.roles).toEqual(
      expect.arrayContaining(['exec', 'sales', 'member']),
    );
    for (const title of ['Chief Technology Officer', 'VP Marketing', 'VP People']) {
      expect(byTitle(title)?.roles).toContain('exec');
    }
    expect(company.users.every((user) => user.roles.includes('member'))).toBe(true);
    // One admin, who manages API keys in the demo.
    const admins = company.users.filter((user) => user.roles.includes('admin'));
    expect(admins.map((user) => user.title)).toEqual(['Chief Technology Officer']);
    const finance = company.users.filter((user) => user.teamId === 'team_finance');
    expect(finance.every((user) => user.roles.includes('finance'))).toBe(true);
    const sales = company.users.filter((user) => user.teamId === 'team_enterprise_sales');
    expect(sales.every((user) => user.roles.includes('sales'))).toBe(true);
  });

  it('gives people unique names and company e-mail addresses', () => {
    expect(new Set(company.users.map((user) => user.name)).size).toBe(company.users.length);
    expect(new Set(company.users.map((user) => user.email)).size).toBe(company.users.length);
    for (const user of company.users) expect(user.email).toMatch(/^[a-z]+\.[a-z]+@northwindanalytics\.com$/);
  });

  it('marks managers and hires everyone by the anchor', () => {
    const managerIds = new Set(company.users.map((user) => user.managerId));
    for (const user of company.users) {
      if (user.role === 'MEMBER') expect(managerIds.has(user.id)).toBe(false);
      expect(user.startDate <= ANCHOR).toBe(true);
    }
    expect(company.users.filter((user) => user.startDate >= company.factStart).length).toBeGreaterThan(15);
  });
});

describe('demoDirectory', () => {
  it('has the same people as the company, whatever the anchor', () => {
    const directory = demoDirectory();
    expect(directory.map(identity)).toEqual(company.users.map(identity));
    expect(directory.map(identity)).toEqual(generateCompany({ anchor: '2025-03-03' }).users.map(identity));
    expect(demoDirectory(DEFAULT_SEED)).toBe(directory);
  });

  it('places hire dates relative to its reference date and cannot be changed', () => {
    expect(generateCompany({ anchor: DIRECTORY_REFERENCE_DATE }).users).toEqual([...demoDirectory()]);
    expect(Object.isFrozen(demoDirectory())).toBe(true);
    expect(Object.isFrozen(demoDirectory()[0])).toBe(true);
  });

  it('differs by seed', () => {
    expect(demoDirectory(1).map((user) => user.email)).not.toEqual(
      demoDirectory(2).map((user) => user.email),
    );
  });
});
