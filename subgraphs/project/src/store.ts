import {
  containsPattern,
  LIKE_ESCAPE,
  openStore,
  placeholders,
  type Clock,
  type SqlDatabase,
  type SqlParam,
} from '@sophia/kit';
import type { ProjectConfig } from './env.ts';
import { ApiKeyStore } from './store/api-keys-store.ts';
import { PROJECT_STORE } from './store/definition.ts';
import type {
  KeyResultRow,
  MilestoneRow,
  ObjectiveRow,
  ProjectRow,
  ProjectStatus,
  TeamRow,
  UserRow,
} from './store-rows.ts';

export type * from './store-rows.ts';

const SELECT_USER = `SELECT id, name, email, title, role, team_id AS "teamId", manager_id AS "managerId" FROM users`;
const SELECT_TEAM = `SELECT id, name, lead_id AS "leadId", parent_id AS "parentId" FROM teams`;
const SELECT_PROJECT = `SELECT id, name, description, status, progress, start_date AS "startDate",
  due_date AS "dueDate", owner_id AS "ownerId", team_id AS "teamId" FROM projects`;
const SELECT_MILESTONE = `SELECT id, project_id AS "projectId", name, due_date AS "dueDate",
  completed_at AS "completedAt" FROM milestones`;
const SELECT_OBJECTIVE = `SELECT id, period, title, owner_id AS "ownerId", team_id AS "teamId" FROM objectives`;
const SELECT_KEY_RESULT = `SELECT k.id, k.objective_id AS "objectiveId", o.period, k.title, k.metric_id AS "metricId",
  k.unit, k.start_value AS "startValue", k.target_value AS "targetValue", k.current_value AS "currentValue"
  FROM key_results k JOIN objectives o ON o.id = k.objective_id`;

/** Slipping projects first; among them (in `atRisk`) off track before at risk. */
const URGENT = `CASE WHEN status IN ('AT_RISK', 'OFF_TRACK') THEN 0 ELSE 1 END`;
const SEVERITY = `CASE status WHEN 'OFF_TRACK' THEN 0 ELSE 1 END`;

/**
 * The project subgraph's storage: the directory (users, teams), projects with milestones and quarterly
 * objectives with key results, in `<SOPHIA_DATA_DIR>/project.duckdb`, filled by the seed step or the import.
 */
export class ProjectStore {
  private constructor(
    private readonly db: SqlDatabase,
    /** "Today" for periods and milestone status: the demo anchor's clock when the demo is loaded. */
    readonly clock: Clock,
  ) {}

  /** The clock's date, `YYYY-MM-DD`. */
  get today(): string {
    return this.clock.today();
  }

  /** Opens `<SOPHIA_DATA_DIR>/project.duckdb`, migrating it; an empty store stays empty (see ops seed/import). */
  static async open(config: ProjectConfig, options: { clock?: Clock } = {}): Promise<ProjectStore> {
    const { db, clock } = await openStore({
      ...PROJECT_STORE,
      dataDir: config.SOPHIA_DATA_DIR,
      snowflake: config,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    return new ProjectStore(db, clock);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** The API keys table (store/api-keys-store.ts), on the same database. */
  get apiKeys(): ApiKeyStore {
    return new ApiKeyStore(this.db);
  }

  // Directory

  usersByIds(ids: readonly string[]): Promise<UserRow[]> {
    return this.whereIn<UserRow>(SELECT_USER, 'id', ids, 'id');
  }

  usersByTeamIds(teamIds: readonly string[]): Promise<UserRow[]> {
    return this.whereIn<UserRow>(SELECT_USER, 'team_id', teamIds, 'name, id');
  }

  usersByManagerIds(managerIds: readonly string[]): Promise<UserRow[]> {
    return this.whereIn<UserRow>(SELECT_USER, 'manager_id', managerIds, 'name, id');
  }

  /** People by name; `search` matches name, email or title, case-insensitively, anywhere in the text. */
  listUsers(filter: { readonly teamId: string | null; readonly search: string | null }): Promise<UserRow[]> {
    const conditions: string[] = [];
    const params: SqlParam[] = [];
    if (filter.teamId !== null) {
      conditions.push('team_id = ?');
      params.push(filter.teamId);
    }
    const search = filter.search?.trim();
    if (search) {
      const pattern = containsPattern(search);
      conditions.push(
        `(name ILIKE ? ${LIKE_ESCAPE} OR email ILIKE ? ${LIKE_ESCAPE} OR title ILIKE ? ${LIKE_ESCAPE})`,
      );
      params.push(pattern, pattern, pattern);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.db.query<UserRow>(`${SELECT_USER} ${where} ORDER BY name, id`, params);
  }

  teamsByIds(ids: readonly string[]): Promise<TeamRow[]> {
    return this.whereIn<TeamRow>(SELECT_TEAM, 'id', ids, 'id');
  }

  listTeams(): Promise<TeamRow[]> {
    return this.db.query<TeamRow>(`${SELECT_TEAM} ORDER BY name, id`);
  }

  // Projects

  projectsByIds(ids: readonly string[]): Promise<ProjectRow[]> {
    return this.whereIn<ProjectRow>(SELECT_PROJECT, 'id', ids, 'id');
  }

  projectsByOwnerIds(ownerIds: readonly string[]): Promise<ProjectRow[]> {
    return this.whereIn<ProjectRow>(SELECT_PROJECT, 'owner_id', ownerIds, `${URGENT}, due_date, id`);
  }

  projectsByTeamIds(teamIds: readonly string[]): Promise<ProjectRow[]> {
    return this.whereIn<ProjectRow>(SELECT_PROJECT, 'team_id', teamIds, `${URGENT}, due_date, id`);
  }

  /** At-risk and off-track projects first, then by due date. */
  listProjects(status: ProjectStatus | null): Promise<ProjectRow[]> {
    const where = status === null ? '' : 'WHERE status = ?';
    return this.db.query<ProjectRow>(
      `${SELECT_PROJECT} ${where} ORDER BY ${URGENT}, due_date, id`,
      status === null ? [] : [status],
    );
  }

  /** Off-track projects, then at-risk ones, each by nearest due date. */
  atRiskProjects(): Promise<ProjectRow[]> {
    return this.db.query<ProjectRow>(
      `${SELECT_PROJECT} WHERE status IN ('AT_RISK', 'OFF_TRACK') ORDER BY ${SEVERITY}, due_date, id`,
    );
  }

  milestonesByProjectIds(projectIds: readonly string[]): Promise<MilestoneRow[]> {
    return this.whereIn<MilestoneRow>(SELECT_MILESTONE, 'project_id', projectIds, 'position, id');
  }

  // Objectives and key results

  objectivesByIds(ids: readonly string[]): Promise<ObjectiveRow[]> {
    return this.whereIn<ObjectiveRow>(SELECT_OBJECTIVE, 'id', ids, 'id');
  }

  /** Objectives of the given quarters (`2026-Q3` keys), quarter by quarter in the generator's order. */
  objectivesOfQuarters(quarterKeys: readonly string[]): Promise<ObjectiveRow[]> {
    return this.whereIn<ObjectiveRow>(SELECT_OBJECTIVE, 'period', quarterKeys, 'period, position');
  }

  keyResultsByObjectiveIds(objectiveIds: readonly string[]): Promise<KeyResultRow[]> {
    return this.whereIn<KeyResultRow>(SELECT_KEY_RESULT, 'k.objective_id', objectiveIds, 'k.position, k.id');
  }

  /** `select … WHERE column IN (…keys) ORDER BY orderBy`, parameterised; no keys, no query. */
  private whereIn<T>(select: string, column: string, keys: readonly string[], orderBy: string): Promise<T[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.db.query<T>(`${select} WHERE ${column} IN (${placeholders(keys)}) ORDER BY ${orderBy}`, keys);
  }
}
