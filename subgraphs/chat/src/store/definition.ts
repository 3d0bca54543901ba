import type { StoreDefinition } from '@sophia/kit';
import { CHAT_DDL_SNOWFLAKE } from './schema-snowflake.ts';
import { CHAT_DDL } from './schema-sql.ts';

/** The chat store: `chat.duckdb` and its numbered migrations (append; never edit a released one). */
export const CHAT_STORE: StoreDefinition = {
  name: 'chat',
  file: 'chat.duckdb',
  migrations: [
    {
      version: 1,
      description: 'conversations and messages',
      statements: { duckdb: CHAT_DDL, snowflake: CHAT_DDL_SNOWFLAKE },
    },
  ],
};
