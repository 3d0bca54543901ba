export * from './sql-database.ts';
export * from './migrations.ts';
export * from './open-store.ts';
export * from './sql.ts';
export { snowflakeEnvShape, type SnowflakeEnv } from '../snowflake/env-shape.ts';
export * from './group-commit.ts';
export * from './serial-queue.ts';
