import { afterEach, describe, expect, it } from 'vitest';
import { openStore, parseConfig, serviceEnvShape, type OpenedStore } from '@sophia/kit';
import {
  STORE_BACKENDS,
  startStoreBackend,
  type StoreBackend,
} from '../../kit/tests/store-contract-backends.ts';
import { API_KEYS_MIGRATION } from '../src/store/api-keys-sql.ts';
import { ApiKeyStore } from '../src/store/api-keys-store.ts';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const DAY = 86_400_000;

const key = (id: string, ownerId: string, overrides: { expiresAt?: number; createdAt?: number } = {}) => ({
  id,
  name: `Key ${id}`,
  ownerId,
  ownerRoles: ['exec', 'admin'],
  scopes: ['sales:read', 'sophia:arbitrary-operations'],
  hash: 'ab'.repeat(32),
  createdAt: overrides.createdAt ?? NOW,
  expiresAt: overrides.expiresAt ?? NOW + 30 * DAY,
});

/** The same SQL on every backend: embedded DuckDB and the FAKE Snowflake, opened as the services open them. */
describe.each(STORE_BACKENDS)('API key store on %s', (dialect) => {
  let backend: StoreBackend | undefined;
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.db.close();
    await backend?.close();
  });

  it('keeps keys, counts the active ones, revokes once, and moves last use forward only', async () => {
    backend = await startStoreBackend(dialect);
    const config = parseConfig('project', serviceEnvShape, backend.env);
    // The migration alone, as the first of a store of its own.
    opened = await openStore({
      name: 'project',
      file: 'project.duckdb',
      migrations: [{ ...API_KEYS_MIGRATION, version: 1 }],
      dataDir: config.SOPHIA_DATA_DIR,
      snowflake: config,
    });
    expect(opened.db.dialect).toBe(dialect);
    const store = new ApiKeyStore(opened.db);
    await store.insert(key('00000000000000a1', 'usr_1', { createdAt: NOW - 2 }));
    await store.insert(key('00000000000000a2', 'usr_1', { createdAt: NOW - 1 }));
    await store.insert(key('00000000000000a3', 'usr_1', { expiresAt: NOW - 1 }));
    await store.insert(key('00000000000000b1', 'usr_2'));

    expect(await store.byId('00000000000000a1')).toEqual({
      ...key('00000000000000a1', 'usr_1', { createdAt: NOW - 2 }),
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(await store.byId('ffffffffffffffff')).toBeUndefined();
    expect(await store.countActive('usr_1', NOW)).toBe(2);

    await store.revoke('00000000000000a1', NOW + 10);
    await store.revoke('00000000000000a1', NOW + 20);
    expect((await store.byId('00000000000000a1'))?.revokedAt).toBe(NOW + 10);
    expect(await store.countActive('usr_1', NOW)).toBe(1);

    const active = await store.list({ includeInactive: false, now: NOW, limit: 10 });
    expect(active.map((row) => row.id)).toEqual(['00000000000000b1', '00000000000000a2']);
    const all = await store.list({ includeInactive: true, now: NOW, limit: 3 });
    expect(all.map((row) => row.id)).toHaveLength(3);

    await store.touch('00000000000000a2', NOW + 5);
    await store.touch('00000000000000a2', NOW + 3);
    expect((await store.byId('00000000000000a2'))?.lastUsedAt).toBe(NOW + 5);
  });
});
