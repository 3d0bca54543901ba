import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import WebSocket from 'ws';
import { signViewerToken, VIEWER_CONNECTION_PARAM } from '@sophia/kit';
import { CEO, TEST_SECRET } from '@sophia/kit/testing';
import type { ServiceProcess } from '../../ops/src/launcher/service-process.ts';
import { loadDataConfig } from '../../ops/src/seed/env.ts';
import { seedDemo } from '../../ops/src/seed/seed-demo.ts';
import { startPrivateRedis } from '../../ops/src/testing/redis-server.ts';
import { follow, SEND } from '../../subgraphs/chat/tests/chat-harness.ts';
import { startFakeMcpServer, type FakeMcpServer } from '../../subgraphs/chat/tests/fakes/fake-mcp-server.ts';
import { scriptedTools } from '../../subgraphs/chat/tests/scripted-answers.ts';
import { startFakeSnowflake, type FakeSnowflake } from '../fakes/snowflake/index.ts';
import { sophiaEnvFor } from '../fakes/snowflake/sophia-env.ts';
import { TEST_ANCHOR } from './stack-fixture.ts';
import { requestReplica as request, startReplicas } from './service-replicas.ts';

/**
 * Two chat processes sharing one warehouse (the FAKE Snowflake) and one Redis (the reply event log), as two
 * chat pods: a conversation begun on one goes on through the other, and restarting one while the other writes
 * a reply leaves that reply to its writer (its lease is live). The assistant's tools are a FAKE gateway whose
 * memory search the test can hold, so a reply stays STREAMING for as long as the test needs.
 */
const QUESTION = 'What did Acme say about the renewal?';

interface Message {
  id: string;
  role: string;
  status: string;
  content: string;
}

describe('two chat processes on one FAKE Snowflake', () => {
  let fake: FakeSnowflake;
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let tools: FakeMcpServer;
  const replicas: ServiceProcess[] = [];
  const sockets: Client[] = [];
  const logs: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'sophia-it-chat-replicas-'));
  /** Memory searches wait while this holds a promise; the test opens it to let them answer. */
  let held: { promise: Promise<void>; release: () => void } | null = null;
  let searchesWaiting = 0;

  const hold = () => {
    let release = () => {};
    const promise = new Promise<void>((resolve) => (release = resolve));
    held = { promise, release };
  };
  const letGo = () => {
    held?.release();
    held = null;
  };

  beforeAll(async () => {
    fake = await startFakeSnowflake();
    redis = await startPrivateRedis();
    tools = await startFakeMcpServer({
      ...scriptedTools,
      SearchMemories: async (args, viewer) => {
        searchesWaiting += 1;
        await held?.promise;
        searchesWaiting -= 1;
        return scriptedTools['SearchMemories']!(args, viewer);
      },
    });
    const storeEnv = sophiaEnvFor(fake);
    await seedDemo({
      dataDir,
      anchor: TEST_ANCHOR,
      only: ['chat'],
      snowflake: loadDataConfig(storeEnv).snowflake,
    });
    const env = {
      ...storeEnv,
      SOPHIA_DATA_DIR: dataDir,
      SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
      SOPHIA_GATEWAY_URL: tools.url,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
    };
    await startReplicas(replicas, 'chat', env, logs);
  });
  afterAll(async () => {
    letGo();
    await Promise.all(sockets.map((socket) => socket.dispose()));
    for (const replica of replicas) await replica.stop();
    await tools?.close();
    await redis?.stop();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const explainOnFailure = () => onTestFailed(() => console.error(logs.slice(-60).join('\n')));

  const send = async (replica: ServiceProcess, text: string, conversationId?: string) => {
    const data = await request(replica, SEND, { input: { text, conversationId } });
    expect(data.sendMessage.errors).toEqual([]);
    return data.sendMessage as { conversation: { id: string }; reply: Message };
  };

  const messages = async (replica: ServiceProcess, id: string): Promise<Message[]> =>
    (
      await request(
        replica,
        'query($id: ID!) { conversation(id: $id) { messages { id role status content } } }',
        {
          id,
        },
      )
    ).conversation.messages;

  const socket = (replica: ServiceProcess) => {
    const client = createClient({
      url: `${replica.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: async () => ({ [VIEWER_CONNECTION_PARAM]: await signViewerToken(CEO, TEST_SECRET) }),
    });
    sockets.push(client);
    return client;
  };

  it('reads and continues through one replica a conversation begun through the other', async () => {
    explainOnFailure();
    const [a, b] = replicas as [ServiceProcess, ServiceProcess];
    const first = await send(a, QUESTION);
    // The reply A writes, followed through B: its events reach B through Redis.
    const events = await follow(socket(b), first.reply.id);
    expect(events.at(-1)).toMatchObject({
      type: 'DONE',
      message: { id: first.reply.id, status: 'COMPLETE' },
    });

    const conversation = first.conversation.id;
    const second = await send(b, 'And what did they ask for?', conversation);
    expect(second.conversation.id).toBe(conversation);
    await expect
      .poll(async () => (await messages(a, conversation)).map((m) => [m.role, m.status]), {
        timeout: 60_000,
        interval: 250,
      })
      .toEqual([
        ['USER', 'COMPLETE'],
        ['ASSISTANT', 'COMPLETE'],
        ['USER', 'COMPLETE'],
        ['ASSISTANT', 'COMPLETE'],
      ]);
    expect(await messages(b, conversation)).toEqual(await messages(a, conversation));
  });

  it('leaves the reply one replica is writing to it when the other restarts', async () => {
    explainOnFailure();
    const [a, b] = replicas as [ServiceProcess, ServiceProcess];
    hold();
    const { conversation, reply } = await send(a, QUESTION);
    await expect.poll(() => searchesWaiting, { timeout: 60_000, interval: 100 }).toBe(1);

    await b.stop();
    await b.start();
    const during = await messages(b, conversation.id);
    expect(during.find((m) => m.id === reply.id)?.status).toBe('STREAMING');

    const following = follow(socket(b), reply.id);
    letGo();
    const events = await following;
    expect(events.filter((event) => event.type === 'ERROR')).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'DONE', message: { id: reply.id, status: 'COMPLETE' } });
    const after = await messages(b, conversation.id);
    expect(after.find((m) => m.id === reply.id)).toMatchObject({ status: 'COMPLETE' });
  });
});
