import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { DEV_JWT_SECRET } from '@sophia/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../ops/src/import/import-file.ts';
import { IMPORT_KINDS } from '../../ops/src/import/kinds/index.ts';
import { repoPath } from '../../ops/src/repo-path.ts';
import { startTestStack, type RunningStack } from './stack-fixture.ts';

/**
 * The stack runs in development mode so the test may send any query (production serves registered operations
 * only); what matters here is the data dir, which no service fills in either mode. Nobody is seeded, so the
 * token is signed here for the imported company's chief executive (ops/samples/people.csv).
 */
const ceoToken = () =>
  new SignJWT({ roles: ['exec', 'member'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('p-ceo')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(DEV_JWT_SECRET));

const SAMPLES = repoPath('ops/samples');
const QUERY = `{
  me { name }
  users { id }
  pipeline(period: "2026-Q3") { wonCount wonAmount lostCount }
  deals(first: 50) { totalCount }
  metric(id: "bookings") { value(period: "2026-Q3") target(period: "2026-Q3") }
  metrics { id }
  projects { id }
}`;

describe('an empty data dir starts with no company, then shows exactly what was imported', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sophia-it-import-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  describe('before any import', () => {
    let stack: RunningStack;
    beforeAll(async () => {
      stack = await startTestStack({ empty: true, dataDir });
    });
    afterAll(() => stack?.stop());

    it('knows nobody and has no deals, metrics or projects', async () => {
      const response = await stack.query(QUERY, { token: await ceoToken() });
      expect(response.data).toMatchObject({
        me: null,
        users: [],
        pipeline: { wonCount: 0, wonAmount: 0, lostCount: 0 },
        deals: { totalCount: 0 },
        metric: null,
        metrics: [],
        projects: [],
      });
    });
  });

  describe('after importing every sample file with the services stopped', () => {
    let stack: RunningStack;
    beforeAll(async () => {
      for (const kind of IMPORT_KINDS) {
        const file = join(
          SAMPLES,
          readdirSync(SAMPLES).find((name) => name.startsWith(`${kind.name}.`))!,
        );
        const result = await importFile({ dataDir, kind: kind.name, file });
        if (result.problems.length > 0) throw new Error(`${kind.name}: ${result.problems.join('; ')}`);
      }
      stack = await startTestStack({ empty: true, dataDir });
    });
    afterAll(() => stack?.stop());

    it('shows exactly the imported numbers through the gateway', async () => {
      const response = await stack.query(QUERY, { token: await ceoToken() });
      expect(response.errors).toBeUndefined();
      expect(response.data).toMatchObject({
        me: { name: 'Ada Lindqvist' },
        pipeline: { wonCount: 2, wonAmount: 138_000, lostCount: 1 },
        deals: { totalCount: 6 },
        metric: { value: 138_000, target: 150_000 },
        metrics: [{ id: 'bookings' }, { id: 'revenue' }, { id: 'headcount' }],
      });
      expect(response.data.users).toHaveLength(5);
      expect(response.data.projects).toHaveLength(2);
    });
  });
});
