/** Rows as the store returns them (camelCase, dates as YYYY-MM-DD); resolvers map them to GraphQL types. */

export interface UserRow {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly title: string;
  readonly role: 'EXECUTIVE' | 'MANAGER' | 'MEMBER';
  readonly teamId: string | null;
  readonly managerId: string | null;
}

export interface TeamRow {
  readonly id: string;
  readonly name: string;
  readonly leadId: string | null;
  readonly parentId: string | null;
}

export type ProjectStatus = 'NOT_STARTED' | 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'COMPLETED';

export interface ProjectRow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly status: ProjectStatus;
  readonly progress: number;
  readonly startDate: string;
  readonly dueDate: string;
  readonly ownerId: string;
  readonly teamId: string | null;
}

export interface MilestoneRow {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly dueDate: string;
  readonly completedAt: string | null;
}

export interface ObjectiveRow {
  readonly id: string;
  /** Quarter key, e.g. `2026-Q3`. */
  readonly period: string;
  readonly title: string;
  readonly ownerId: string;
  readonly teamId: string | null;
}

export interface KeyResultRow {
  readonly id: string;
  readonly objectiveId: string;
  /** The objective's quarter, carried along so a key result's status needs no second lookup. */
  readonly period: string;
  readonly title: string;
  readonly metricId: string | null;
  readonly unit: string;
  readonly startValue: number;
  readonly targetValue: number;
  readonly currentValue: number;
}
