import type { StoreDefinition } from '@sophia/kit';
import { SALES_DDL } from './schema-sql.ts';

/** The sales store: `sales.duckdb` and its numbered migrations (append; never edit a released one). */
export const SALES_STORE: StoreDefinition = {
  name: 'sales',
  file: 'sales.duckdb',
  migrations: [
    { version: 1, description: 'accounts, deals and their stage history', statements: { duckdb: SALES_DDL } },
  ],
};
