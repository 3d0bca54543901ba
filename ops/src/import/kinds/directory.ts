import {
  PROJECT_STORE,
  upsertTeams,
  upsertUsers,
  type TeamRecord,
  type UserRecord,
} from '@sophia/project/store';
import { MEMORY_STORE, upsertDirectory } from '@sophia/memory/store';
import { date, id, oneOf, optional, required, text } from '../fields.ts';
import { defineKind } from '../kind.ts';

export const teams = defineKind<TeamRecord>({
  name: 'teams',
  summary: 'Teams of the organisation, with their lead and parent team.',
  store: PROJECT_STORE,
  fields: [
    required('id', id, 'the team’s id in your system'),
    required('name', text, 'the team’s name'),
    optional('lead_id', id, 'the person who leads it (a `people` id; import people afterwards)'),
    optional('parent_id', id, 'the team it belongs to (a `teams` id, in this file or imported before)'),
  ],
  key: ['id'],
  defines: 'teams',
  references: [{ column: 'parent_id', to: 'teams', self: true }],
  toRecords: (rows) =>
    rows.map(({ values }) => ({
      id: values['id'] as string,
      name: values['name'] as string,
      leadId: values['lead_id'] as string | null,
      parentId: values['parent_id'] as string | null,
    })),
  write: upsertTeams,
});

export const people = defineKind<UserRecord>({
  name: 'people',
  summary: 'The people Sophia knows: the directory, owners of accounts, deals, projects and objectives.',
  store: PROJECT_STORE,
  fields: [
    required('id', id, 'the person’s id in your system'),
    required('name', text, 'full name'),
    required('email', text, 'work e-mail, unique'),
    required('title', text, 'job title'),
    required('role', oneOf(['EXECUTIVE', 'MANAGER', 'MEMBER'] as const), 'EXECUTIVE, MANAGER or MEMBER'),
    optional('team_id', id, 'their team (a `teams` id)'),
    optional('manager_id', id, 'their manager (a `people` id, in this file or imported before)'),
    required('start_date', date, 'hire date, YYYY-MM-DD'),
  ],
  key: ['id'],
  defines: 'people',
  references: [
    { column: 'team_id', to: 'teams' },
    { column: 'manager_id', to: 'people', self: true },
  ],
  toRecords: (rows) =>
    rows.map(({ values }) => ({
      id: values['id'] as string,
      name: values['name'] as string,
      email: (values['email'] as string).toLowerCase(),
      title: values['title'] as string,
      role: values['role'] as UserRecord['role'],
      teamId: values['team_id'] as string | null,
      managerId: values['manager_id'] as string | null,
      startDate: values['start_date'] as string,
    })),
  write: upsertUsers,
  // Memory decides TEAM visibility itself, from its own copy of who is on which team.
  alsoWrite: {
    store: MEMORY_STORE,
    write: (tx, users) => upsertDirectory(tx, users),
  },
});
