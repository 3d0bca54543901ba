import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@sophia/kit';
import { CEO, TEST_ANCHOR, tempDataDir } from '@sophia/kit/testing';
import { loadChatConfig } from '../src/env.ts';
import { createEventLog } from '../src/event-log/index.ts';
import { ChatStore } from '../src/store.ts';
import { createChatSubgraph } from '../src/subgraph.ts';
import { follow, startChat } from './chat-harness.ts';
import { startFakeMcpServer, type FakeMcpServer } from './fakes/fake-mcp-server.ts';
import { startRedis } from './redis-server.ts';
import { scriptedSynthesizer, scriptedTools, understandAnything } from './scripted-answers.ts';

describe('replies cut off by a stopped chat process', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let mcp: FakeMcpServer;
  const dir = tempDataDir('chat-interrupted');

  beforeAll(async () => {
    redis = await startRedis();
    mcp = await startFakeMcpServer(scriptedTools);
  });
  afterAll(async () => {
    await mcp?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are FAILED at the next start, and an ERROR ends their streams for readers in any process', async () => {
    const env = { SOPHIA_DATA_DIR: dir, SOPHIA_GATEWAY_URL: mcp.url, REDIS_URL: redis.url };
    const config = loadChatConfig({ ...env, SOPHIA_DEMO_ANCHOR: TEST_ANCHOR, LOG_LEVEL: 'silent' });
    // What a process that died mid-reply leaves: the reply STREAMING, a token in its stream, no final event.
    const store = await ChatStore.open(config);
    const { reply, conversation } = (await store.sendIntoConversation({
      ownerId: CEO.userId!,
      conversationId: null,
      title: 'Revenue?',
      question: 'Revenue?',
      historyTurns: 20,
    }))!.exchange;
    await store.close();
    const log = createEventLog(config);
    await log.open({ messageId: reply.id, ownerId: CEO.userId!, conversationId: conversation.id });
    await log.append(reply.id, { seq: 1, type: 'TOKEN', delta: 'Q3 revenue was' });
    await log.close();

    const restarted = await createChatSubgraph(config, {
      logger: createLogger('chat', 'silent'),
      understand: understandAnything,
      synthesizerFor: () => scriptedSynthesizer,
    });
    const [stored] = await restarted.store.messagesByIds(CEO.userId!, [reply.id]);
    expect(stored?.status).toBe('FAILED');
    await restarted.close();

    // Another process sharing the Redis follows the stream to its end.
    const other = await startChat({ SOPHIA_GATEWAY_URL: mcp.url, REDIS_URL: redis.url });
    try {
      const events = await follow(other.socket(), reply.id);
      expect(events.map((event) => [event.seq, event.type])).toEqual([
        [1, 'TOKEN'],
        [2, 'ERROR'],
      ]);
      expect(events[1]).toMatchObject({
        error: { code: 'INTERNAL_SERVER_ERROR' },
        message: { id: reply.id, status: 'FAILED' },
      });
    } finally {
      await other.close();
    }
  });
});
