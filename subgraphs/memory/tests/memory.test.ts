import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, createLogger, DuckDb, type Subgraph, type Viewer } from '@sophia/kit';
import { CEO, TEST_ANCHOR, startSubgraph, type RunningSubgraph } from '@sophia/kit/testing';
import { generateCompany, type KnowledgeDocument } from '@sophia/ops';
import { seedDemo } from '@sophia/ops/seed';
import { documentMemories } from '../src/store/documents.ts';
import { loadMemoryConfig } from '../src/env.ts';
import { createMemorySubgraph } from '../src/subgraph.ts';

const company = generateCompany({ anchor: TEST_ANCHOR });
const teamOf = (userId: string) => company.users.find((user) => user.id === userId)!.teamId;
/** The memories the seed makes of the demo's knowledge documents. */
const demoMemories = () => documentMemories(company.documents, teamOf, TEST_ANCHOR);
const viewer = (userId: string): Viewer => ({ userId, roles: ['member'], scopes: [] });

// The chief executive (A), a colleague on the executive team (TEAMMATE) and someone on another team (B).
const A = CEO;
const TEAMMATE = viewer(company.users.find((u) => u.id !== A.userId && u.teamId === teamOf(A.userId!))!.id);
const B = viewer(company.users.find((u) => u.teamId !== teamOf(A.userId!))!.id);

const dataDir = mkdtempSync(join(tmpdir(), 'sophia-memory-'));
const config = loadMemoryConfig({
  SOPHIA_DATA_DIR: dataDir,
  SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
  LOG_LEVEL: 'silent',
});
const start = async () => {
  await seedDemo({ dataDir, anchor: TEST_ANCHOR, only: ['memory'] });
  return createMemorySubgraph(config, { logger: createLogger('memory', 'silent') });
};

type Response = Awaited<ReturnType<RunningSubgraph['request']>>;
const codeOf = (response: Response) => response.errors?.[0]?.extensions?.['code'];
const argumentOf = (response: Response) => response.errors?.[0]?.extensions?.['argument'];

interface Hit {
  memory: { id: string; content: string; accessCount: number; accessedAt: string };
  score: number;
  servedFrom: string;
}

const SEARCH = `query($q: String!, $limit: Int, $filter: MemoryFilter) {
  searchMemories(query: $q, limit: $limit, filter: $filter) {
    memory { id content accessCount accessedAt } score servedFrom } }`;
const REMEMBER = `mutation($input: RememberInput!) {
  remember(input: $input) {
    memory { id content kind visibility tier owner { id } account { id } source { type id title } accessCount }
    merged errors { field message code } } }`;
const BY_ID = 'query($id: ID!) { memory(id: $id) { id content } }';
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Memory { id content } ... on Account { id memories(limit: 50) { id } } } }`;

describe('memory subgraph', () => {
  let subgraph: Subgraph;
  let running: RunningSubgraph;
  const search = (q: string, as: Viewer = A, extra: Record<string, unknown> = {}) =>
    running.request<{ searchMemories: Hit[] }>(SEARCH, { variables: { q, ...extra }, viewer: as });
  const remember = (input: Record<string, unknown>, as: Viewer = A) =>
    running.request<{
      remember: { memory: Record<string, unknown> & { id: string }; merged: boolean; errors: unknown[] };
    }>(REMEMBER, { variables: { input }, viewer: as });
  const idsFound = async (q: string, as: Viewer) =>
    ((await search(q, as, { limit: 50 })).data?.searchMemories ?? []).map((hit) => hit.memory.id);
  const byId = async (id: string, as: Viewer) =>
    (await running.request<{ memory: unknown }>(BY_ID, { variables: { id }, viewer: as })).data?.memory;
  const entity = async (id: string, as: Viewer) =>
    (
      await running.request<{ _entities: unknown[] }>(ENTITIES, {
        variables: { r: [{ __typename: 'Memory', id }] },
        viewer: as,
      })
    ).data?._entities[0];
  const accountMemoryIds = async (accountId: string, as: Viewer) =>
    (
      await running.request<{ _entities: Array<{ memories: Array<{ id: string }> }> }>(ENTITIES, {
        variables: { r: [{ __typename: 'Account', id: accountId }] },
        viewer: as,
      })
    ).data?._entities[0]?.memories.map((memory) => memory.id);

  beforeAll(async () => {
    subgraph = await start();
    running = await startSubgraph(subgraph);
  });

  afterAll(async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('demo knowledge', () => {
    const longDocument = company.documents.find(
      (d) => d.kind === 'DOCUMENT' && d.visibility === 'ORG' && d.content.split(/\s+/).length > 120,
    )!;

    it('loads notes whole and documents as overlapping chunks pointing at their document', async () => {
      const response = await running.request<{ _entities: Array<Record<string, unknown>> }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Memory {
          id kind visibility tier content owner { id } source { type id title } } } }`,
        {
          variables: {
            r: [
              { __typename: 'Memory', id: `mem_${longDocument.id}_01` },
              { __typename: 'Memory', id: `mem_${longDocument.id}_02` },
            ],
          },
        },
      );
      const [first, second] = response.data?._entities ?? [];
      expect(first).toMatchObject({
        kind: 'DOCUMENT_CHUNK',
        visibility: 'ORG',
        tier: 'WARM',
        owner: { id: longDocument.authorId },
        source: { type: 'DOCUMENT', id: longDocument.id, title: longDocument.title },
      });
      const firstWords = String(first?.['content']).split(/\s+/);
      const secondWords = String(second?.['content']).split(/\s+/);
      expect(firstWords).toHaveLength(120);
      expect(secondWords.slice(0, 20)).toEqual(firstWords.slice(100));
      expect(longDocument.content.startsWith(String(first?.['content']))).toBe(true);
    });

    it('finds a document by words of its title', async () => {
      const hits = (await search(longDocument.title)).data?.searchMemories ?? [];
      expect(hits[0]?.memory.id).toMatch(new RegExp(`^mem_${longDocument.id}`));
    });

    it('keeps a private demo note from everyone but its author', async () => {
      const note = company.documents.find((d: KnowledgeDocument) => d.visibility === 'PRIVATE')!;
      const author = viewer(note.authorId);
      const stranger = company.users.find((u) => u.id !== note.authorId)!;
      const id = note.kind === 'NOTE' ? `mem_${note.id}` : `mem_${note.id}_01`;
      expect(await byId(id, author)).toMatchObject({ id });
      expect(await byId(id, viewer(stranger.id))).toBeNull();
      expect(await idsFound(note.title, author)).toContain(id);
      expect(await idsFound(note.title, viewer(stranger.id))).not.toContain(id);
    });
  });

  describe('search', () => {
    it('finds a remembered note by a paraphrase sharing its key terms, best first, scored 0..1 from L2', async () => {
      const saved = await remember({
        content:
          'Zephyrine Logistics asked us to reschedule their onboarding workshop to March: their CFO is on leave.',
      });
      const id = saved.data?.remember.memory.id;
      const hits =
        (await search('When do the Zephyrine onboarding workshops happen?')).data?.searchMemories ?? [];
      expect(hits[0]?.memory.id).toBe(id);
      expect(hits[0]?.servedFrom).toBe('L2');
      for (const hit of hits) {
        expect(hit.score).toBeGreaterThan(0);
        expect(hit.score).toBeLessThanOrEqual(1);
      }
      const scores = hits.map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
    });

    it('counts every hit as a read', async () => {
      const before = (await search('Zephyrine workshop')).data?.searchMemories[0]?.memory;
      const after = (await search('Zephyrine workshop')).data?.searchMemories[0]?.memory;
      expect(after?.id).toBe(before?.id);
      expect(after?.accessCount).toBe((before?.accessCount ?? 0) + 1);
      expect(Date.parse(after!.accessedAt)).toBeGreaterThanOrEqual(Date.parse(before!.accessedAt));
    });

    it('narrows by kind, visibility and account', async () => {
      const account = company.documents.find((d) => d.accountId !== null && d.visibility === 'ORG')!;
      const hits =
        (
          await search(account.title, A, {
            filter: { accountId: account.accountId, kinds: ['NOTE', 'DOCUMENT_CHUNK'] },
          })
        ).data?.searchMemories ?? [];
      expect(hits.length).toBeGreaterThan(0);
      const onlyOrg =
        (await search('renewal', A, { limit: 50, filter: { visibility: ['ORG'] } })).data?.searchMemories ??
        [];
      const ids = new Set(onlyOrg.map((hit) => hit.memory.id));
      const orgIds = new Set(
        demoMemories()
          .filter((m) => m.visibility === 'ORG')
          .map((m) => m.id),
      );
      expect(ids.size).toBeGreaterThan(0);
      for (const id of ids) expect(orgIds.has(id)).toBe(true);
    });

    it('refuses a filter list over 10 entries, and one of 150,000 before any work', async () => {
      const tooMany = await search('pricing', A, { filter: { kinds: Array(11).fill('NOTE') } });
      expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
      expect(argumentOf(tooMany)).toBe('filter.kinds');
      // Refused even when the query is only stop words and would match nothing.
      const stopWords = await search('the of and', A, { filter: { tiers: Array(11).fill('HOT') } });
      expect(argumentOf(stopWords)).toBe('filter.tiers');
      const huge = await search('pricing', A, { filter: { visibility: Array(150_000).fill('ORG') } });
      expect(huge.status).toBe(400);
      expect(codeOf(huge)).toBe('BAD_USER_INPUT');
    });

    it('returns nothing for a query made only of stop words', async () => {
      expect((await search('what is the')).data?.searchMemories).toEqual([]);
    });

    it('refuses a blank query and a limit outside 1..50', async () => {
      const blank = await search('   ');
      expect([codeOf(blank), argumentOf(blank)]).toEqual(['BAD_USER_INPUT', 'query']);
      for (const limit of [0, 51, -1]) {
        const response = await search('renewal', A, { limit });
        expect([codeOf(response), argumentOf(response)]).toEqual(['BAD_USER_INPUT', 'limit']);
      }
    });
  });

  describe('visibility', () => {
    let privateId: string;
    let teamId: string;

    beforeAll(async () => {
      privateId = (
        await remember({
          content: 'Quokkavale board seat: I am thinking of stepping down next year.',
          accountId: 'acc_001',
        })
      ).data!.remember.memory.id;
      teamId = (
        await remember({
          content: 'Executive offsite in Quokkavale: agenda draft attached.',
          visibility: 'TEAM',
        })
      ).data!.remember.memory.id;
    });

    it('keeps a private memory from another user: search, by id, _entities and Account.memories', async () => {
      expect(await idsFound('Quokkavale', A)).toContain(privateId);
      expect(await idsFound('Quokkavale board seat', B)).not.toContain(privateId);
      expect(await byId(privateId, A)).toMatchObject({ id: privateId });
      expect(await byId(privateId, B)).toBeNull();
      expect(await entity(privateId, A)).toMatchObject({ id: privateId });
      expect(await entity(privateId, B)).toBeNull();
      expect(await accountMemoryIds('acc_001', A)).toContain(privateId);
      expect(await accountMemoryIds('acc_001', B)).not.toContain(privateId);
      // Even a teammate does not see it.
      expect(await byId(privateId, TEAMMATE)).toBeNull();
    });

    it('shows a team memory to the owner’s team only', async () => {
      expect(await idsFound('Quokkavale offsite', TEAMMATE)).toContain(teamId);
      expect(await byId(teamId, TEAMMATE)).toMatchObject({ id: teamId });
      expect(await idsFound('Quokkavale offsite', B)).not.toContain(teamId);
      expect(await entity(teamId, B)).toBeNull();
    });

    it('lists an account’s memories newest first', async () => {
      const ids = (await accountMemoryIds('acc_001', A)) ?? [];
      expect(ids[0]).toBe(privateId);
      const expected = demoMemories()
        .filter(
          (m) =>
            m.accountId === 'acc_001' &&
            (m.visibility === 'ORG' ||
              m.ownerId === A.userId ||
              (m.visibility === 'TEAM' && m.teamId === teamOf(A.userId!))),
        )
        .sort((x, y) => y.createdAt.localeCompare(x.createdAt) || x.id.localeCompare(y.id))
        .map((m) => m.id);
      expect(ids.slice(1)).toEqual(expected.slice(0, 49));
      const bad =
        await running.request(`{ _entities(representations: [{ __typename: "Account", id: "acc_001" }]) {
        ... on Account { memories(limit: 0) { id } } } }`);
      expect([codeOf(bad), argumentOf(bad)]).toEqual(['BAD_USER_INPUT', 'limit']);
    });
  });

  describe('remember and forget', () => {
    it('returns the stored memory with its fields', async () => {
      const response = await remember({
        content: '  Renewal owner for acc_007 is Dana.  ',
        kind: 'FACT',
        visibility: 'ORG',
        accountId: 'acc_007',
      });
      expect(response.data?.remember).toMatchObject({
        merged: false,
        errors: [],
        memory: {
          content: 'Renewal owner for acc_007 is Dana.',
          kind: 'FACT',
          visibility: 'ORG',
          tier: 'WARM',
          owner: { id: A.userId },
          account: { id: 'acc_007' },
          source: { type: 'USER', id: null, title: null },
          accessCount: 0,
        },
      });
    });

    it('reports every input mistake as data and stores nothing', async () => {
      const response = await remember({
        content: `Wombatique ${'x'.repeat(20_000)}`,
        accountId: 'account-7',
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?.remember.memory).toBeNull();
      expect(response.data?.remember.errors).toEqual([
        { field: ['input', 'content'], code: 'BAD_USER_INPUT', message: expect.stringContaining('20000') },
        { field: ['input', 'accountId'], code: 'BAD_USER_INPUT', message: expect.any(String) },
      ]);
      expect(await idsFound('Wombatique', A)).toEqual([]);
      const blank = await remember({ content: ' \n ' });
      expect(blank.data?.remember.errors).toEqual([
        { field: ['input', 'content'], code: 'BAD_USER_INPUT', message: 'Content must not be blank.' },
      ]);
    });

    it('merges an exact duplicate of the viewer’s own memory, not someone else’s', async () => {
      const first = await remember({ content: 'Pinnacle renewal: send the revised quote on Friday.' });
      const again = await remember({ content: '  pinnacle RENEWAL:   send the revised quote on friday. ' });
      expect(again.data?.remember).toMatchObject({
        merged: true,
        errors: [],
        memory: { id: first.data?.remember.memory.id },
      });
      const theirs = await remember({ content: 'Pinnacle renewal: send the revised quote on Friday.' }, B);
      expect(theirs.data?.remember.merged).toBe(false);
      expect(theirs.data?.remember.memory.id).not.toBe(first.data?.remember.memory.id);
    });

    it('merges a near-duplicate of the viewer’s own memory and keeps a different one', async () => {
      const first = await remember({ content: 'Quarry renewal: send the revised quote on Friday.' });
      const near = await remember({ content: 'Quarry renewal -- send the revised quote, on Friday!' });
      expect(near.data?.remember).toMatchObject({
        merged: true,
        memory: { id: first.data?.remember.memory.id },
      });
      const other = await remember({ content: 'Quarry renewal: send the signed contract on Monday.' });
      expect(other.data?.remember.merged).toBe(false);
    });

    it('merges only within the same visibility, account and kind, by exact content and by vector alike', async () => {
      const text = 'Tamarind pricing: hold the 12% discount until the board meets.';
      const privateCopy = (await remember({ content: text })).data!.remember;
      expect(privateCopy).toMatchObject({ merged: false, memory: { visibility: 'PRIVATE' } });
      // Remembered for the organisation after a private copy: a new ORG memory the team can find.
      const orgCopy = (await remember({ content: text, visibility: 'ORG' })).data!.remember;
      expect(orgCopy).toMatchObject({ merged: false, memory: { visibility: 'ORG' } });
      expect(orgCopy.memory.id).not.toBe(privateCopy.memory.id);
      expect(await idsFound('Tamarind pricing board', TEAMMATE)).toContain(orgCopy.memory.id);
      expect(await idsFound('Tamarind pricing board', TEAMMATE)).not.toContain(privateCopy.memory.id);
      // The same again as ORG merges into the ORG copy, not the private one.
      expect((await remember({ content: text, visibility: 'ORG' })).data!.remember).toMatchObject({
        merged: true,
        memory: { id: orgCopy.memory.id },
      });
      const teamCopy = (await remember({ content: text, visibility: 'TEAM' })).data!.remember;
      const factCopy = (await remember({ content: text, kind: 'FACT' })).data!.remember;
      const accountCopy = (await remember({ content: text, accountId: 'acc_001' })).data!.remember;
      const ids = [privateCopy, orgCopy, teamCopy, factCopy, accountCopy].map((copy) => copy.memory.id);
      expect(new Set(ids).size).toBe(5);
      expect([teamCopy, factCopy, accountCopy].every((copy) => !copy.merged)).toBe(true);
      // A near-duplicate (the vector path) keeps to its own visibility too.
      const near = 'Tamarind pricing -- hold the 12% discount, until the board meets!';
      expect((await remember({ content: near, visibility: 'TEAM' })).data!.remember).toMatchObject({
        merged: true,
        memory: { id: teamCopy.memory.id },
      });
      const nearOrg = (await remember({ content: near, visibility: 'ORG', kind: 'FACT' })).data!.remember;
      expect(nearOrg.merged).toBe(false);
      expect(ids).not.toContain(nearOrg.memory.id);
    });

    it('lets only the owner forget a memory', async () => {
      const id = (await remember({ content: 'Numbat project codename is retired.', visibility: 'ORG' })).data!
        .remember.memory.id;
      const FORGET = 'mutation($id: ID!) { forget(id: $id) { id errors { field code message } } }';
      const refused = await running.request<{
        forget: { id: string | null; errors: Array<{ code: string }> };
      }>(FORGET, {
        variables: { id },
        viewer: B,
      });
      expect(refused.data?.forget).toMatchObject({
        id: null,
        errors: [{ field: ['id'], code: 'NOT_FOUND' }],
      });
      expect(await byId(id, B)).toMatchObject({ id });
      const done = await running.request<{ forget: unknown }>(FORGET, { variables: { id } });
      expect(done.data?.forget).toEqual({ id, errors: [] });
      expect(await byId(id, A)).toBeNull();
      expect(await idsFound('Numbat codename', A)).not.toContain(id);
    });
  });

  it('refuses an anonymous viewer everywhere', async () => {
    for (const query of [
      '{ searchMemories(query: "renewal") { score } }',
      '{ memory(id: "mem_doc_0001_01") { id } }',
      '{ _entities(representations: [{ __typename: "Memory", id: "mem_doc_0001_01" }]) { ... on Memory { id } } }',
      '{ _entities(representations: [{ __typename: "Account", id: "acc_001" }]) { ... on Account { memories { id } } } }',
      'mutation { remember(input: { content: "anonymous note" }) { merged } }',
      'mutation { forget(id: "mem_doc_0001_01") { id } }',
    ]) {
      const response = await running.request(query, { viewer: ANONYMOUS });
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps its data across a restart and does not load the demo documents twice', async () => {
    const kept = (await remember({ content: 'Platypus pricing committee meets on Tuesdays.' })).data!.remember
      .memory.id;
    await running.close();
    subgraph = await start();
    running = await startSubgraph(subgraph);
    expect(await byId(kept, A)).toMatchObject({ id: kept });

    await running.close();
    const db = await DuckDb.open(dataDir, 'memory.duckdb');
    const [demo] = await db.query<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM memories WHERE source_id IS NOT NULL',
    );
    await db.close();
    expect(demo?.n).toBe(demoMemories().length);
    subgraph = await start();
    running = await startSubgraph(subgraph);
  });
});
