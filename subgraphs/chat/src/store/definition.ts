import type { StoreDefinition } from '@sophia/kit';
import { CHAT_DDL_SNOWFLAKE } from './schema-snowflake.ts';
import { REPLY_LEASE_DDL, REPLY_LEASE_DDL_SNOWFLAKE } from './reply-lease-ddl.ts';
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
    {
      version: 2,
      description: 'replies record their writer and its lease',
      statements: { duckdb: REPLY_LEASE_DDL, snowflake: REPLY_LEASE_DDL_SNOWFLAKE },
    },
  ],
};
