import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signDealChangesToken,
  signDelegatedToken,
  signKeyLookupToken,
  signViewerToken,
  VIEWER_HEADER,
} from '@sophia/kit';
import { CEO, startSubgraph, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { company, createSales, newDataDir, removeDataDir } from './harness.ts';

const MOVE = `mutation($id: ID!, $stage: DealStage!) { moveDealStage(id: $id, stage: $stage) { errors { code } } }`;
const [won, lost] = company.deals.filter((deal) => deal.stage === 'PROPOSAL');

/** Sales' internal outbox route, as kpi calls it and as an attacker would try it. */
describe('the deal-changes route', () => {
  let dir: string;
  let running: RunningSubgraph;
  let base: string;

  const get = (query: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${base}/internal/deal-changes${query}`, { method, headers });
  const asKpi = async (query: string) =>
    get(query, { authorization: `Bearer ${await signDealChangesToken(TEST_SECRET)}` });

  beforeAll(async () => {
    dir = newDataDir();
    running = await startSubgraph(await createSales(dir));
    base = new URL(running.url).origin;
    await running.request(MOVE, { variables: { id: won!.id, stage: 'CLOSED_WON' } });
    await running.request(MOVE, { variables: { id: lost!.id, stage: 'CLOSED_LOST' } });
  });
  afterAll(async () => {
    await running?.close();
    removeDataDir(dir);
  });

  it('answers kpi the changes after a number, oldest first, at most the limit', async () => {
    const all = await asKpi('?after=0&limit=10');
    expect(all.status).toBe(200);
    const { changes } = (await all.json()) as { changes: Array<{ changeNumber: number; dealId: string }> };
    expect(changes.map((change) => [change.changeNumber, change.dealId])).toEqual([
      [1, won!.id],
      [2, lost!.id],
    ]);
    expect(changes[0]).toMatchObject({ before: { stage: 'PROPOSAL' }, after: { stage: 'CLOSED_WON' } });
    const later = (await (await asKpi('?after=1&limit=10')).json()) as { changes: unknown[] };
    expect(later.changes).toMatchObject([{ changeNumber: 2 }]);
    const one = (await (await asKpi('?after=0&limit=1')).json()) as { changes: unknown[] };
    expect(one.changes).toMatchObject([{ changeNumber: 1 }]);
    expect(((await (await asKpi('?after=2&limit=10')).json()) as { changes: unknown[] }).changes).toEqual([]);
  });

  it('refuses every other credential, and none, with 401', async () => {
    const viewer = await signViewerToken(CEO, TEST_SECRET);
    const refused = [
      {},
      { authorization: `Bearer ${viewer}` },
      // What the gateway forwards for a viewer: a viewer token, which this route does not read.
      { [VIEWER_HEADER]: viewer },
      { authorization: `Bearer ${await signDelegatedToken(CEO, TEST_SECRET)}` },
      { authorization: `Bearer ${await signKeyLookupToken(TEST_SECRET)}` },
      // The right kind signed from another secret.
      { authorization: `Bearer ${await signDealChangesToken('another-secret-of-at-least-32-characters!')}` },
      { authorization: 'Bearer not-a-token' },
    ];
    for (const headers of refused) {
      const response = await get('?after=0&limit=10', headers);
      expect(response.status, JSON.stringify(Object.keys(headers))).toBe(401);
      expect(await response.text()).not.toContain('changeNumber');
    }
  });

  it('is not a viewer credential: the deal-changes token opens no GraphQL', async () => {
    const response = await fetch(running.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [VIEWER_HEADER]: await signDealChangesToken(TEST_SECRET),
      },
      body: JSON.stringify({ query: '{ deals(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(401);
  });

  it('refuses arguments out of bounds and other methods', async () => {
    for (const query of [
      '',
      '?after=-1&limit=10',
      '?after=x&limit=10',
      '?after=0&limit=0',
      '?after=0&limit=1001',
      '?after=0',
    ]) {
      const response = await asKpi(query);
      expect(response.status, query).toBe(400);
      expect(
        ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions
          .code,
      ).toBe('BAD_USER_INPUT');
    }
    const token = await signDealChangesToken(TEST_SECRET);
    expect((await get('?after=0&limit=10', { authorization: `Bearer ${token}` }, 'POST')).status).toBe(405);
  });
});
