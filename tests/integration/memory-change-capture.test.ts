import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { ServiceProcess } from '../../ops/src/launcher/service-process.ts';
import { startFakeSnowflake, type FakeSnowflake } from '../fakes/snowflake/index.ts';
import { connect, destroy, exec } from '../fakes/snowflake/sdk-client.ts';
import { sophiaEnvFor } from '../fakes/snowflake/sophia-env.ts';
import { requestReplica as request, startReplicas } from './service-replicas.ts';

/**
 * Two memory processes sharing one warehouse (the FAKE Snowflake): a memory one of them writes, and then an
 * analyst's UPDATE through a separate snowflake-sdk connection, reach both processes' L2 indexes through
 * change data capture. Waits poll until true; nothing here limits speed.
 */
const OLD = 'Quarterly pricing review for the harbour account';
const NEW = 'Glacier hiking permit for the autumn retreat';
const SCHEMA = 'SOPHIA_MEMORY';

interface Hit {
  memory: { id: string };
  servedFrom: string;
}

describe('memory change capture across two processes on the FAKE Snowflake', () => {
  let fake: FakeSnowflake;
  const replicas: ServiceProcess[] = [];
  const logs: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'sophia-it-cdc-'));

  beforeAll(async () => {
    fake = await startFakeSnowflake();
    const operator = await connect(fake, { schema: 'PUBLIC' });
    await exec(operator, `CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await destroy(operator);
    const env = {
      ...sophiaEnvFor(fake),
      SNOWFLAKE_SCHEMA: SCHEMA,
      SOPHIA_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      MEMORY_CHANGE_POLL_MS: '1000',
    };
    await startReplicas(replicas, 'memory', env, logs);
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const search = async (replica: ServiceProcess, q: string) =>
    (
      await request<{ searchMemories: Hit[] }>(
        replica,
        'query($q: String!) { searchMemories(query: $q, limit: 10) { memory { id } servedFrom } }',
        { q },
      )
    ).searchMemories;
  /** Polls until the replica's L2 answers `words` with the memory, and no tier answers `gone` with it. */
  const untilIndexed = async (replica: ServiceProcess, id: string, words: string, gone?: string) => {
    for (;;) {
      const found = (await search(replica, words)).some(
        (hit) => hit.memory.id === id && hit.servedFrom === 'L2',
      );
      const stale = gone ? (await search(replica, gone)).some((hit) => hit.memory.id === id) : false;
      if (found && !stale) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  it('a memory written on one process and then rewritten by an analyst is found by its new words on both', async () => {
    onTestFailed(() => console.log(logs.join('\n')));
    const [a, b] = replicas as [ServiceProcess, ServiceProcess];
    const { remember } = await request<{ remember: { memory: { id: string } } }>(
      a,
      'mutation($input: RememberInput!) { remember(input: $input) { memory { id } } }',
      { input: { content: OLD, visibility: 'ORG' } },
    );
    const id = remember.memory.id;
    await untilIndexed(b, id, 'harbour pricing review');

    const analyst = await connect(fake, { schema: SCHEMA });
    try {
      const updated = await exec(analyst, 'UPDATE memories SET content = ? WHERE id = ?', [NEW, id]);
      expect(updated.statement.getNumUpdatedRows()).toBe(1);
    } finally {
      await destroy(analyst);
    }
    for (const replica of [a, b])
      await untilIndexed(replica, id, 'glacier hiking permit', 'harbour pricing review');
  });
});
