import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ANCHOR } from '@sophia/kit/testing';
import { startStoreBackend, type StoreBackend } from '../../subgraphs/kit/tests/store-contract-backends.ts';
import { connect, destroy, exec } from '../../tests/fakes/snowflake/sdk-client.ts';
import { loadDataConfig } from '../src/seed/env.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';

/**
 * `npm run seed` with the stores on the FAKE Snowflake: what it writes is what the services write there, typed
 * as Snowflake types it (a memory's metadata a VARIANT object, not a JSON string inside one).
 */
describe('the demo seeded on the FAKE Snowflake', () => {
  let backend: StoreBackend;

  beforeAll(async () => {
    backend = await startStoreBackend('snowflake');
    const { snowflake } = loadDataConfig(backend.env);
    await seedDemo({
      dataDir: backend.env['SOPHIA_DATA_DIR']!,
      anchor: TEST_ANCHOR,
      only: ['memory'],
      snowflake,
    });
  });
  afterAll(() => backend?.close());

  it('writes each memory’s metadata as a VARIANT object whose fields SQL reads by path', async () => {
    // A JSON text bound into a VARIANT column stays a string on Snowflake; the FAKE would parse it all the
    // same, so the statement is checked too: the seed parses the metadata as the memory service does.
    const inserts = backend
      .fake!.queryHistory()
      .filter((query) => /^INSERT INTO memories\b/i.test(query.sqlText.trim()));
    expect(inserts.length).toBeGreaterThan(0);
    for (const insert of inserts) expect(insert.sqlText).toContain('PARSE_JSON(v.metadata)');

    const analyst = await connect(backend.fake!, { schema: 'PUBLIC' });
    try {
      const { rows } = await exec(
        analyst,
        `SELECT metadata, metadata:chunk::NUMBER AS chunk, metadata:chunks::NUMBER AS chunks FROM memories
         WHERE source_id IS NOT NULL ORDER BY id LIMIT 50`,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(typeof row['METADATA'], JSON.stringify(row)).toBe('object');
      const chunked = rows.filter((row) => row['CHUNK'] !== null);
      expect(chunked.length).toBeGreaterThan(0);
      for (const row of chunked) expect(Number(row['CHUNK'])).toBeLessThanOrEqual(Number(row['CHUNKS']));
    } finally {
      await destroy(analyst);
    }
  });
});
