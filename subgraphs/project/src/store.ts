import { DuckDb, StorageError, seedOnce, type SqlParam } from '@sophia/kit';
import { generateCompany } from '@sophia/ops';
import type { ProjectConfig } from './env.ts';
import { loadDemoCompany } from './store-seed.ts';
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

/** Bump when the tables change; an older file is then refused with a clear message (kit's seedOnce). */
const SCHEMA_VERSION = '1';

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

/** Escapes LIKE wildcards so a search for `50%` means the characters, not a pattern. */
const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * The project subgraph's storage: the directory (users, teams), projects with milestones and quarterly
 * objectives with key results, in `<SOPHIA_DATA_DIR>/project.duckdb`, loaded once from the demo company.
 */
export class ProjectStore {
  private constructor(
    private readonly db: DuckDb,
    /** The demo anchor the data was generated for: "today" for periods and milestone status. */
    readonly today: string,
  ) {}

  static async open(config: ProjectConfig): Promise<ProjectStore> {
    const db = await DuckDb.open(config.SOPHIA_DATA_DIR, 'project.duckdb');
    try {
      const { meta } = await seedOnce(db, SCHEMA_VERSION, async (tx) => {
        const company = generateCompany({
          ...(config.SOPHIA_DEMO_SEED === undefined ? {} : { seed: config.SOPHIA_DEMO_SEED }),
          ...(config.SOPHIA_DEMO_ANCHOR === undefined ? {} : { anchor: config.SOPHIA_DEMO_ANCHOR }),
        });
        await loadDemoCompany(tx, company);
        return { anchor: company.anchor, seed: String(company.seed) };
      });
      // The stored anchor wins over the configured one: the rows were generated relative to it.
      const today = meta['anchor'];
      if (today === undefined)
        throw new StorageError(`${db.path} has no demo anchor; move the file away to reload.`);
      return new ProjectStore(db, today);
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.db.close();
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
      conditions.push(`(name ILIKE ? ESCAPE '\\' OR email ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\')`);
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
    const placeholders = keys.map(() => '?').join(', ');
    return this.db.query<T>(`${select} WHERE ${column} IN (${placeholders}) ORDER BY ${orderBy}`, keys);
  }
}
