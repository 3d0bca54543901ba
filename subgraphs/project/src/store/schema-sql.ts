/** Table definitions of the project store: the directory, projects with milestones, OKRs. */
export const PROJECT_DDL: readonly string[] = [
  `CREATE TABLE teams (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    lead_id VARCHAR,
    parent_id VARCHAR
  )`,
  `CREATE TABLE users (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    email VARCHAR NOT NULL UNIQUE,
    title VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    team_id VARCHAR,
    manager_id VARCHAR,
    start_date DATE NOT NULL
  )`,
  `CREATE TABLE projects (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    owner_id VARCHAR NOT NULL,
    team_id VARCHAR,
    start_date DATE NOT NULL,
    due_date DATE NOT NULL,
    progress DOUBLE NOT NULL
  )`,
  `CREATE TABLE milestones (
    id VARCHAR PRIMARY KEY,
    project_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    due_date DATE NOT NULL,
    completed_at DATE
  )`,
  `CREATE TABLE objectives (
    id VARCHAR PRIMARY KEY,
    period VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    title VARCHAR NOT NULL,
    owner_id VARCHAR NOT NULL,
    team_id VARCHAR
  )`,
  `CREATE TABLE key_results (
    id VARCHAR PRIMARY KEY,
    objective_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    title VARCHAR NOT NULL,
    metric_id VARCHAR,
    unit VARCHAR NOT NULL,
    start_value DOUBLE NOT NULL,
    target_value DOUBLE NOT NULL,
    current_value DOUBLE NOT NULL
  )`,
  'CREATE INDEX users_team ON users (team_id)',
  'CREATE INDEX users_manager ON users (manager_id)',
  'CREATE INDEX milestones_project ON milestones (project_id)',
  'CREATE INDEX objectives_period ON objectives (period)',
  'CREATE INDEX key_results_objective ON key_results (objective_id)',
];
