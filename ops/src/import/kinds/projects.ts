import {
  PROJECT_STORE,
  replaceKeyResults,
  replaceMilestones,
  upsertObjectives,
  upsertProjects,
  type KeyResultRecord,
  type MilestoneRecord,
  type ObjectiveRecord,
  type ProjectRecord,
} from '@sophia/project/store';
import { date, fraction, id, number, oneOf, optional, period, required, text } from '../fields.ts';
import { defineKind, groupBy } from '../kind.ts';

const UNITS = ['CURRENCY', 'PERCENT', 'COUNT', 'MONTHS', 'SCORE', 'RATIO'] as const;

export const projects = defineKind<ProjectRecord>({
  name: 'projects',
  summary: 'Projects with their status and owner (import `milestones` for their milestones).',
  store: PROJECT_STORE,
  fields: [
    required('id', id, 'the project’s id in your system'),
    required('name', text, 'project name'),
    optional('description', text, 'what it delivers', ''),
    required(
      'status',
      oneOf(['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'COMPLETED'] as const),
      'NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK or COMPLETED',
    ),
    required('owner_id', id, 'who owns it (a `people` id)'),
    optional('team_id', id, 'the team doing it (a `teams` id)'),
    required('start_date', date, 'YYYY-MM-DD'),
    required('due_date', date, 'YYYY-MM-DD'),
    optional('progress', fraction, 'share done, 0–1', 0),
  ],
  key: ['id'],
  defines: 'projects',
  references: [
    { column: 'owner_id', to: 'people' },
    { column: 'team_id', to: 'teams' },
  ],
  toRecords: (rows) =>
    rows.map(({ values }) => ({
      id: values['id'] as string,
      name: values['name'] as string,
      description: values['description'] as string,
      status: values['status'] as ProjectRecord['status'],
      ownerId: values['owner_id'] as string,
      teamId: values['team_id'] as string | null,
      startDate: values['start_date'] as string,
      dueDate: values['due_date'] as string,
      progress: values['progress'] as number,
    })),
  write: upsertProjects,
});

export const milestones = defineKind<readonly [string, readonly MilestoneRecord[]]>({
  name: 'milestones',
  summary: 'Milestones of projects, in order; replaces the milestones of the projects it names.',
  store: PROJECT_STORE,
  fields: [
    required('id', id, 'the milestone’s id'),
    required('project_id', id, 'its project (a `projects` id)'),
    required('name', text, 'what is delivered'),
    required('due_date', date, 'YYYY-MM-DD'),
    optional('completed_at', date, 'when it was done, YYYY-MM-DD; empty while open'),
  ],
  key: ['id'],
  references: [{ column: 'project_id', to: 'projects' }],
  toRecords: (rows) =>
    [...groupBy(rows, (row) => row.values['project_id'] as string)].map(([projectId, items]) => [
      projectId,
      items.map(({ values }) => ({
        id: values['id'] as string,
        name: values['name'] as string,
        dueDate: values['due_date'] as string,
        completedAt: values['completed_at'] as string | null,
      })),
    ]),
  write: replaceMilestones,
});

export const objectives = defineKind<ObjectiveRecord>({
  name: 'objectives',
  summary: 'Quarterly objectives (import `key-results` for their key results).',
  store: PROJECT_STORE,
  fields: [
    required('id', id, 'the objective’s id'),
    required('period', period('QUARTER'), 'its quarter, e.g. 2026-Q3'),
    required('title', text, 'the objective'),
    required('owner_id', id, 'who owns it (a `people` id)'),
    optional('team_id', id, 'the team (a `teams` id)'),
  ],
  key: ['id'],
  defines: 'objectives',
  references: [
    { column: 'owner_id', to: 'people' },
    { column: 'team_id', to: 'teams' },
  ],
  toRecords: (rows) =>
    rows.map(({ values }) => ({
      id: values['id'] as string,
      period: values['period'] as string,
      title: values['title'] as string,
      ownerId: values['owner_id'] as string,
      teamId: values['team_id'] as string | null,
    })),
  write: upsertObjectives,
});

export const keyResults = defineKind<readonly [string, readonly KeyResultRecord[]]>({
  name: 'key-results',
  summary: 'Key results of objectives, in order; replaces the key results of the objectives it names.',
  store: PROJECT_STORE,
  fields: [
    required('id', id, 'the key result’s id'),
    required('objective_id', id, 'its objective (an `objectives` id)'),
    required('title', text, 'the measurable result'),
    optional('metric_id', id, 'the KPI it tracks (a `metrics` id), if any'),
    required('unit', oneOf(UNITS), UNITS.join(', ')),
    required('start_value', number, 'value at the start of the quarter'),
    required('target_value', number, 'value to reach'),
    required('current_value', number, 'value now'),
  ],
  key: ['id'],
  references: [{ column: 'objective_id', to: 'objectives' }],
  toRecords: (rows) =>
    [...groupBy(rows, (row) => row.values['objective_id'] as string)].map(([objectiveId, items]) => [
      objectiveId,
      items.map(({ values }) => ({
        id: values['id'] as string,
        title: values['title'] as string,
        metricId: values['metric_id'] as string | null,
        unit: values['unit'] as KeyResultRecord['unit'],
        startValue: values['start_value'] as number,
        targetValue: values['target_value'] as number,
        currentValue: values['current_value'] as number,
      })),
    ]),
  write: replaceKeyResults,
});
