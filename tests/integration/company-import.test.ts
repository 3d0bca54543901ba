import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print, type DocumentNode } from 'graphql';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../../ops/src/import/kinds/index.ts';
import { repoPath } from '../../ops/src/repo-path.ts';
import {
  DealsPageDocument,
  OverviewDocument,
  SalesOverviewDocument,
} from '../../web/src/__generated__/graphql.ts';
import { startFakeSnowflake, type FakeSnowflake } from '../fakes/snowflake/index.ts';
import { sophiaEnvFor } from '../fakes/snowflake/sophia-env.ts';
import { DEFAULT_STORE, startTestStack, type RunningStack } from './stack-fixture.ts';

/**
 * The done-when of a company's own data, against real processes: every service started with
 * SOPHIA_ENV=production on an empty data dir; `npm run import`'s own script run as its own process for every
 * sample file and for bad files; then the dashboard's registered operations and the API, through the gateway,
 * show exactly the numbers this test computes from the sample files itself.
 */
const IDP_SECRET = 'company-import-idp-hs256-6f1d3b8a0c2e4f6a8b0d2f4a6c8e0b2d';
const ISSUER = 'https://idp.company-import.test/';
const AUDIENCE = 'sophia-api';
const PRODUCTION = {
  SOPHIA_ENV: 'production',
  HOST: '127.0.0.1',
  METRICS_PORT: '0',
  INTERNAL_TOKEN_SECRET: 'company-import-internal-9e7c5a3b1d0f2e4c6a8b0d2f4e6a8c0b',
  API_KEY_PEPPER: 'company-import-pepper-3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d',
  JWT_SECRET: IDP_SECRET,
  JWT_ISSUER: ISSUER,
  JWT_AUDIENCE: AUDIENCE,
};

const SAMPLES = repoPath('ops/samples');
const sampleFile = (kind: string) =>
  join(
    SAMPLES,
    readdirSync(SAMPLES).find((name) => name.startsWith(`${kind}.`))!,
  );

/** The sample files read here, independently of the importer: plain CSV (no quoted cells) and JSON Lines. */
function sample(kind: string): Record<string, string>[] {
  const file = sampleFile(kind);
  const text = readFileSync(file, 'utf8').trim();
  if (file.endsWith('.jsonl')) return text.split('\n').map((line) => JSON.parse(line));
  expect(text, `${file} is read by a plain CSV split`).not.toContain('"');
  const [header, ...lines] = text.split('\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

/** The chief executive of the imported company: the person in people.csv nobody manages. */
const ceo = () => sample('people').find((person) => !person['manager_id'])!;

/** An identity provider's token for the imported chief executive; `anyOperation` may send unregistered ones. */
const token = (anyOperation = false) =>
  new SignJWT({
    roles: ['exec', 'member'],
    ...(anyOperation ? { scope: 'sophia:arbitrary-operations' } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(ceo()['id']!)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(IDP_SECRET));

/** What the dashboard sends: its own documents, registered with the gateway, so production serves them. */
async function dashboard<T = any>(stack: RunningStack, document: DocumentNode, variables: object) {
  const response = await stack.query<T>(print(document), {
    variables: { ...variables },
    token: await token(),
  });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

const PERIOD = '2026-Q3';
const inPeriod = (day: string | undefined) => !!day && day >= '2026-07-01' && day <= '2026-09-30';

/** The figures the sample files hold for PERIOD, computed from the files as a reader of them would. */
function expectedFigures() {
  const deals = sample('deals');
  const closedIn = (stage: string) =>
    deals.filter((deal) => deal['stage'] === stage && inPeriod(deal['closed_at'] || deal['close_date']));
  const facts = sample('facts');
  const metrics = sample('metrics') as unknown as {
    id: string;
    formula: { kind: 'sum' | 'last'; fact: string };
  }[];
  const value = (metric: (typeof metrics)[number]) => {
    const days = facts
      .filter((fact) => fact['fact'] === metric.formula.fact && inPeriod(fact['date']))
      .sort((a, b) => a['date']!.localeCompare(b['date']!));
    return metric.formula.kind === 'sum'
      ? days.reduce((total, fact) => total + Number(fact['value']), 0)
      : Number(days.at(-1)!['value']);
  };
  const target = (id: string) => {
    const row = sample('targets').find((t) => t['metric_id'] === id && t['period'] === PERIOD);
    return row ? Number(row['value']) : null;
  };
  return {
    people: sample('people')
      .map((person) => person['id'])
      .sort(),
    deals: deals.length,
    dealAmount: deals.reduce((total, deal) => total + Number(deal['amount']), 0),
    won: closedIn('CLOSED_WON'),
    lost: closedIn('CLOSED_LOST'),
    metrics: metrics.map((metric) => ({ id: metric.id, value: value(metric), target: target(metric.id) })),
    projects: sample('projects')
      .map((project) => project['id'])
      .sort(),
    accounts: sample('accounts')
      .map((account) => account['id'])
      .sort(),
  };
}

const API_QUERY = `query Company($period: String!) {
  me { name }
  users { id }
  accounts(first: 100) { nodes { id } }
  pipeline(period: $period) { wonCount wonAmount lostCount }
  deals(first: 100) { totalCount totalAmount }
  metrics { id value(period: $period) target(period: $period) }
  projects { id }
}`;

/**
 * `npm run import -- <kind> <file>`: its script, as its own process, on the data dir the services use, or
 * (SOPHIA_TEST_STORE=snowflake) with the SNOWFLAKE_* variables of the FAKE their stores are on.
 */
function runImport(dataDir: string, kind: string, file: string, storeEnv: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', repoPath('ops/src/import/import-cli.ts'), kind, file],
      {
        cwd: repoPath(''),
        env: {
          PATH: process.env['PATH'] ?? '',
          SOPHIA_ENV: 'production',
          SOPHIA_DATA_DIR: dataDir,
          ...storeEnv,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A deals file of 40 new, otherwise valid deals, each of which would change the numbers if written. */
function badDeals(
  dir: string,
  name: string,
  bad: { dropType?: boolean; row37?: boolean; ghostOn12?: boolean },
) {
  // The sample's own columns, so the file is a deals file in every way but the problems asked for.
  const columns = readFileSync(sampleFile('deals'), 'utf8').split('\n')[0]!.split(',');
  const kept = columns.filter((column) => !(bad.dropType && column === 'type'));
  const [account] = sample('accounts');
  const [seller] = sample('people').filter((person) => person['id'] !== ceo()['id']);
  const lines = [kept.join(',')];
  for (let row = 1; row <= 40; row++) {
    const deal: Record<string, string> = {
      id: `d-new-${row}`,
      name: `New deal ${row}`,
      account_id: account!['id']!,
      owner_id: bad.ghostOn12 && row === 12 ? 'p-ghost' : seller!['id']!,
      amount: bad.row37 && row === 37 ? 'forty thousand' : String(1000 * row),
      stage: 'CLOSED_WON',
      type: 'NEW_BUSINESS',
      created_at: '2026-07-01',
      close_date: '2026-08-01',
    };
    lines.push(kept.map((column) => deal[column] ?? '').join(','));
  }
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const MISSING_TYPE = expect.stringMatching(/^missing column type \(a deals file has id, name, .*\)$/);
const ROW_37 = 'line 38: amount must be a number, not "forty thousand"';
const GHOST = 'line 13: owner_id "p-ghost" is no known people id (import people first)';

describe('SOPHIA_ENV=production on an empty data dir, then npm run import of every sample file', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sophia-it-import-'));
  // On the FAKE Snowflake, one for the whole file: the imports and both stacks share its stores.
  let snowflake: FakeSnowflake | undefined;
  let storeEnv: Record<string, string> = {};
  beforeAll(async () => {
    snowflake = DEFAULT_STORE === 'snowflake' ? await startFakeSnowflake() : undefined;
    storeEnv = snowflake ? sophiaEnvFor(snowflake) : {};
  });
  afterAll(async () => {
    await snowflake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('before any import', () => {
    let stack: RunningStack;
    beforeAll(async () => {
      stack = await startTestStack({ empty: true, dataDir, env: PRODUCTION, snowflake });
    });
    afterAll(() => stack?.stop());

    it('starts with no company: nobody, no deals, no metrics, no projects', async () => {
      const response = await stack.query(API_QUERY, {
        variables: { period: PERIOD },
        token: await token(true),
      });
      expect(response.data).toMatchObject({
        me: null,
        users: [],
        accounts: { nodes: [] },
        pipeline: { wonCount: 0, wonAmount: 0, lostCount: 0 },
        deals: { totalCount: 0 },
        metrics: [],
        projects: [],
      });
      expect((await dashboard(stack, OverviewDocument, { period: PERIOD })).kpiCards).toEqual([]);
    });
  });

  describe('after the imports (and the bad files, refused)', () => {
    let stack: RunningStack;
    const refused: Record<string, Awaited<ReturnType<typeof runImport>>> = {};
    beforeAll(async () => {
      for (const kind of IMPORT_KINDS) {
        const result = await runImport(dataDir, kind.name, sampleFile(kind.name), storeEnv);
        if (result.code !== 0) throw new Error(`${kind.name}: ${result.stderr}`);
        expect(result.stdout).toContain(`Imported ${sample(kind.name).length} ${kind.name} row(s)`);
      }
      const dir = mkdtempSync(join(dataDir, 'bad-'));
      const cases = {
        missingColumn: badDeals(dir, 'missing-column.csv', { dropType: true }),
        wrongTypeOnRow37: badDeals(dir, 'row-37.csv', { row37: true }),
        unknownOwner: badDeals(dir, 'unknown-owner.csv', { ghostOn12: true }),
        allThree: badDeals(dir, 'all-three.csv', { dropType: true, row37: true, ghostOn12: true }),
      };
      for (const [name, file] of Object.entries(cases))
        refused[name] = await runImport(dataDir, 'deals', file, storeEnv);
      stack = await startTestStack({ empty: true, dataDir, env: PRODUCTION, snowflake });
      // Seventeen import processes, one after another, then the stack: more than the default on a busy machine.
    }, 600_000);
    afterAll(() => stack?.stop());

    it('refuses each bad file with every problem listed, by line, and writes nothing', () => {
      const problems = (name: string) => {
        const { code, stderr } = refused[name]!;
        expect(code, stderr).toBe(1);
        const lines = stderr.split('\n');
        const count = lines.findIndex((line) => /problem\(s\); nothing was written\.$/.test(line));
        expect(count, stderr).toBeGreaterThanOrEqual(0);
        expect(lines[count]).toMatch(/: (\d+) problem\(s\); nothing was written\.$/);
        const listed = lines
          .slice(count + 1)
          .filter(Boolean)
          .map((line) => line.trim());
        expect(lines[count]).toContain(`: ${listed.length} problem(s)`);
        return listed;
      };
      expect(problems('missingColumn')).toEqual([MISSING_TYPE]);
      expect(problems('wrongTypeOnRow37')).toEqual([ROW_37]);
      expect(problems('unknownOwner')).toEqual([GHOST]);
      expect(problems('allThree')).toEqual([MISSING_TYPE, ROW_37, GHOST]);
    });

    it('the API shows exactly the numbers of the sample files', async () => {
      const expected = expectedFigures();
      const response = await stack.query(API_QUERY, {
        variables: { period: PERIOD },
        token: await token(true),
      });
      expect(response.errors).toBeUndefined();
      const data = response.data;
      expect(data.me).toEqual({ name: ceo()['name'] });
      expect(data.users.map((user: { id: string }) => user.id).sort()).toEqual(expected.people);
      expect(data.accounts.nodes.map((account: { id: string }) => account.id).sort()).toEqual(
        expected.accounts,
      );
      expect(data.projects.map((project: { id: string }) => project.id).sort()).toEqual(expected.projects);
      // Nothing of the refused files: 40 won deals each would have moved every one of these.
      expect(data.deals).toEqual({ totalCount: expected.deals, totalAmount: expected.dealAmount });
      expect(data.pipeline).toEqual({
        wonCount: expected.won.length,
        wonAmount: expected.won.reduce((total, deal) => total + Number(deal['amount']), 0),
        lostCount: expected.lost.length,
      });
      expect(data.metrics).toEqual(expected.metrics);
    });

    it('the dashboard shows exactly the numbers of the sample files', async () => {
      const expected = expectedFigures();
      const overview = await dashboard(stack, OverviewDocument, { period: PERIOD });
      // A card for each headline metric the company imported, each with the figures of the files.
      const cards = overview.kpiCards.map(
        (card: { metric: { id: string }; value: number; target: number | null }) => ({
          id: card.metric.id,
          value: card.value,
          target: card.target,
        }),
      );
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards)
        expect(card).toEqual(expected.metrics.find((metric) => metric.id === card.id));
      const sales = await dashboard(stack, SalesOverviewDocument, { period: PERIOD });
      expect(sales.pipeline).toMatchObject({
        period: PERIOD,
        wonCount: expected.won.length,
        wonAmount: expected.won.reduce((total, deal) => total + Number(deal['amount']), 0),
        lostCount: expected.lost.length,
      });
      const deals = await dashboard(stack, DealsPageDocument, { first: 10 });
      expect(deals.deals).toMatchObject({ totalCount: expected.deals, totalAmount: expected.dealAmount });
    });
  });
});
