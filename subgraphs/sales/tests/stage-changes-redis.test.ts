import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signViewerToken, VIEWER_CONNECTION_PARAM, type Subgraph } from '@sophia/kit';
import { CEO, startSubgraph, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { startPrivateRedis } from '../../../ops/src/testing/redis-server.ts';
import { company, createSales, dataOf, newDataDir, removeDataDir } from './harness.ts';

const MOVE = `mutation($id: ID!, $stage: DealStage!) {
  moveDealStage(id: $id, stage: $stage) { deal { id stage } errors { code } }
}`;
const CHANGES = `subscription {
  dealStageChanged { previousStage stage deal { id stage stageHistory { stage } } }
}`;

interface Change {
  previousStage: string;
  stage: string;
  deal: { id: string; stage: string; stageHistory: { stage: string }[] };
}

/** Two sales replicas with their own stores, sharing one real redis-server through REDIS_URL. */
describe('deal stage changes across sales replicas', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  const dirs: string[] = [];
  const replicas: Array<{ subgraph: Subgraph; running: RunningSubgraph }> = [];
  let client: Client;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    for (let i = 0; i < 2; i += 1) {
      const dir = newDataDir();
      dirs.push(dir);
      const subgraph = await createSales(dir, { REDIS_URL: redis.url });
      replicas.push({ subgraph, running: await startSubgraph(subgraph) });
    }
  });
  afterAll(async () => {
    await client?.dispose();
    for (const { running } of replicas) await running.close();
    await redis?.stop();
    for (const dir of dirs) removeDataDir(dir);
  });

  it('tells a subscriber on one replica the moves made on either, each once and in order', async () => {
    const [first, second] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const active = async () =>
      (await second.subgraph.metrics.registry.getSingleMetric('sophia_subscriptions_active')?.get())
        ?.values[0]?.value;
    client = createClient({
      url: second.running.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: async () => ({ [VIEWER_CONNECTION_PARAM]: await signViewerToken(CEO, TEST_SECRET) }),
    });
    const iterator = client.iterate<{ dealStageChanged: Change }>({ query: CHANGES });
    const next = iterator.next();
    await expect.poll(active).toBe(1);

    const [onFirst, onSecond] = company.deals.filter((deal) => deal.stage === 'PROSPECTING');
    const move = async (replica: (typeof replicas)[0], id: string, stage: string) =>
      dataOf(
        await replica.running.request<{ moveDealStage: any }>(MOVE, {
          variables: { id, stage },
          viewer: CEO,
        }),
      ).moveDealStage;
    expect(await move(first, onFirst!.id, 'CLOSED_WON')).toMatchObject({ errors: [] });
    expect(await move(second, onSecond!.id, 'PROPOSAL')).toMatchObject({ errors: [] });

    const events: Change[] = [];
    for (let result = await next; !result.done; result = await iterator.next()) {
      events.push(result.value.data!.dealStageChanged);
      if (events.length === 2) break;
    }
    await iterator.return?.();
    expect(events).toEqual([
      {
        previousStage: 'PROSPECTING',
        stage: 'CLOSED_WON',
        deal: {
          id: onFirst!.id,
          stage: 'CLOSED_WON',
          stageHistory: expect.arrayContaining([{ stage: 'CLOSED_WON' }]),
        },
      },
      {
        previousStage: 'PROSPECTING',
        stage: 'PROPOSAL',
        deal: {
          id: onSecond!.id,
          stage: 'PROPOSAL',
          stageHistory: expect.arrayContaining([{ stage: 'PROPOSAL' }]),
        },
      },
    ]);
  });
});
