import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMcpServer, type FakeMcpServer } from './fakes/fake-mcp-server.ts';
import { CANCEL, follow, OTHER, SEND, startChat, textOf, type RunningChat } from './chat-harness.ts';
import { startRedis } from './redis-server.ts';
import { scriptedSynthesizer, scriptedTools, understandAnything } from './scripted-answers.ts';

type Sent = { sendMessage: { conversation: { id: string }; reply: { id: string } } };

describe('reply streams shared through Redis by two chat processes', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let mcp: FakeMcpServer;
  let writer: RunningChat;
  let reader: RunningChat;

  const send = async (text: string) => {
    const response = await writer.running.request<Sent>(SEND, { variables: { input: { text } } });
    expect(response.errors).toBeUndefined();
    return response.data!.sendMessage;
  };

  beforeAll(async () => {
    redis = await startRedis();
    mcp = await startFakeMcpServer(scriptedTools);
    const env = { SOPHIA_GATEWAY_URL: mcp.url, REDIS_URL: redis.url };
    const options = { understand: understandAnything, synthesizerFor: () => scriptedSynthesizer };
    // Two processes' worth of chat: each its own store (data directory), one Redis between them.
    writer = await startChat(env, options);
    reader = await startChat(env, options);
  });
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
    await mcp?.close();
    await redis?.stop();
  });

  it('serves a reply written by the other process, final message included, and resumes without a gap', async () => {
    const sent = await send('Revenue?');
    const here = await follow(writer.socket(), sent.reply.id);
    const there = await follow(reader.socket(), sent.reply.id);
    expect(there).toEqual(here);
    expect(there.at(-1)).toMatchObject({
      type: 'DONE',
      message: {
        id: sent.reply.id,
        status: 'COMPLETE',
        content: 'Q3 revenue was 1234.',
        conversation: { id: sent.conversation.id, title: 'Revenue?' },
      },
    });

    const live = await send('A long story, please');
    const head = await follow(writer.socket(), live.reply.id, { stopAfter: 4 });
    const tail = await follow(reader.socket(), live.reply.id, { after: head.at(-1)!.seq });
    const all = [...head, ...tail];
    expect(all.map((event) => event.seq)).toEqual(all.map((_, index) => index + 1));
    expect(textOf(all)).toBe(Array.from({ length: 40 }, (_, i) => `t${i} `).join(''));
  });

  it('keeps the other process to the reply’s owner', async () => {
    const sent = await send('Revenue?');
    await expect(follow(reader.socket(OTHER), sent.reply.id)).rejects.toMatchObject([
      { extensions: { code: 'NOT_FOUND' } },
    ]);
    const foreign = await reader.running.request(CANCEL, { variables: { id: sent.reply.id }, viewer: OTHER });
    expect(foreign.data).toMatchObject({ cancelReply: { errors: [{ code: 'NOT_FOUND' }] } });
  });

  it('cancels, from the other process, a reply this one writes', async () => {
    const sent = await send('Slow?');
    const events = follow(writer.socket(), sent.reply.id);
    await follow(reader.socket(), sent.reply.id, { stopAfter: 5 });
    const cancelled = await reader.running.request(CANCEL, { variables: { id: sent.reply.id } });
    expect(cancelled.data).toMatchObject({ cancelReply: { message: { status: 'CANCELLED' }, errors: [] } });
    expect((await events).at(-1)).toMatchObject({ type: 'DONE', message: { status: 'CANCELLED' } });
    const stored = await writer.chat.store.messagesByIds('usr_001', [sent.reply.id]);
    expect(stored[0]?.status).toBe('CANCELLED');
  });
});
