import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CEO, type GraphQLResponse } from '@sophia/kit/testing';
import { startFakeMcpServer, type FakeMcpServer } from './fakes/fake-mcp-server.ts';
import { CANCEL, follow, OTHER, SEND, startChat, textOf, type RunningChat } from './chat-harness.ts';
import { scriptedSynthesizer, scriptedTools, understandAnything } from './scripted-answers.ts';

type Sent = {
  sendMessage: {
    conversation: { id: string; title: string } | null;
    userMessage: { id: string; content: string; role: string; status: string } | null;
    reply: { id: string; role: string; status: string; content: string } | null;
    errors: Array<{ field: string[] | null; code: string; message: string }>;
  };
};

describe('the reply pipeline (in-process event log)', () => {
  let mcp: FakeMcpServer;
  let chat: RunningChat;

  const send = async (text: string, conversationId?: string, viewer = CEO) => {
    const response: GraphQLResponse<Sent> = await chat.running.request<Sent>(SEND, {
      variables: { input: { text, ...(conversationId ? { conversationId } : {}) } },
      viewer,
    });
    expect(response.errors).toBeUndefined();
    return response.data!.sendMessage;
  };
  const message = async (id: string) => {
    const response = await chat.running.request<{
      _entities: Array<{ status: string; content: string } | null>;
    }>(
      'query($r: [_Any!]!){ _entities(representations: $r) { ... on Message { status content citations { __typename } } } }',
      { variables: { r: [{ __typename: 'Message', id }] } },
    );
    return response.data!._entities[0];
  };

  beforeAll(async () => {
    mcp = await startFakeMcpServer(scriptedTools);
    chat = await startChat(
      { SOPHIA_GATEWAY_URL: mcp.url, CHAT_MAX_MESSAGE_CHARS: '100', CHAT_RATE_PER_MINUTE: '30' },
      { understand: understandAnything, synthesizerFor: () => scriptedSynthesizer },
    );
  });
  afterAll(async () => {
    await chat?.close();
    await mcp?.close();
  });

  it('stores the question, returns the reply STREAMING at once, and streams tools, tokens, citations, DONE', async () => {
    const sent = await send('Revenue?');
    expect(sent.errors).toEqual([]);
    expect(sent.conversation?.title).toBe('Revenue?');
    expect(sent.userMessage).toMatchObject({ content: 'Revenue?', role: 'USER', status: 'COMPLETE' });
    expect(sent.reply).toMatchObject({ role: 'ASSISTANT', status: 'STREAMING', content: '' });

    const events = await follow(chat.socket(), sent.reply!.id);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events.map((event) => [event.type, event.toolCall?.name ?? event.citation?.id ?? null])).toEqual([
      ['TOOL_CALL', 'SearchMemories'],
      ['TOOL_RESULT', 'SearchMemories'],
      ['TOOL_CALL', 'KpiCards'],
      ['TOOL_RESULT', 'KpiCards'],
      // Written in one go, the answer's two pieces reach the log as one TOKEN (reply-writer.ts).
      ['TOKEN', null],
      ['CITATION', 'revenue'],
      ['CITATION', 'mem_acme'],
      ['DONE', null],
    ]);
    const [call, result] = events.filter((event) => event.toolCall?.name === 'KpiCards');
    expect(call?.toolCall).toMatchObject({ server: 'sophia', arguments: '{"period":"Q3"}', ok: null });
    expect(result?.toolCall).toMatchObject({ id: call?.toolCall?.id, ok: true, errorCode: null });
    expect(textOf(events)).toBe('Q3 revenue was 1234.');
    const done = events.at(-1)!;
    expect(done.message).toMatchObject({
      id: sent.reply!.id,
      status: 'COMPLETE',
      content: 'Q3 revenue was 1234.',
      citations: [
        { __typename: 'Metric', id: 'revenue' },
        { __typename: 'Memory', id: 'mem_acme' },
      ],
      conversation: { id: sent.conversation!.id, title: 'Revenue?' },
    });
    expect(await message(sent.reply!.id)).toMatchObject({
      status: 'COMPLETE',
      content: 'Q3 revenue was 1234.',
    });

    const followUp = await send('And Q2?', sent.conversation!.id);
    const followUpText = textOf(await follow(chat.socket(), followUp.reply!.id));
    const stored = await chat.running.request<{
      conversations: Array<{ id: string; updatedAt: string; messages: Array<Record<string, string>> }>;
    }>('{ conversations(first: 1) { id updatedAt messages { id role status content createdAt } } }');
    const [latest] = stored.data!.conversations;
    expect(latest?.id).toBe(sent.conversation!.id);
    expect(latest?.messages.map((m) => [m['role'], m['status'], m['content']])).toEqual([
      ['USER', 'COMPLETE', 'Revenue?'],
      ['ASSISTANT', 'COMPLETE', 'Q3 revenue was 1234.'],
      ['USER', 'COMPLETE', 'And Q2?'],
      ['ASSISTANT', 'COMPLETE', followUpText],
    ]);
    expect(latest?.updatedAt).toBe(latest?.messages.at(-1)?.['createdAt']);
  });

  it('calls the tools as the viewer, searches memories with the question and recent turns, remembers the exchange', async () => {
    const first = await send('Hello there');
    await follow(chat.socket(), first.reply!.id);
    mcp.calls.length = 0;
    const second = await send('Revenue?', first.conversation!.id);
    await follow(chat.socket(), second.reply!.id);
    const remembered = () =>
      mcp.calls.find((call) => call.name === 'Remember' && JSON.stringify(call.args).includes('Q3 revenue'));
    await expect.poll(remembered).toBeTruthy();
    expect(mcp.calls.every((call) => call.viewer.userId === CEO.userId)).toBe(true);
    const search = mcp.calls.find((call) => call.name === 'SearchMemories');
    expect(search?.args['query']).toContain('Revenue?');
    expect(search?.args['query']).toContain('Hello there');
    expect(search?.args['query']).toContain('t0 t1');
    expect(remembered()?.args['input']).toMatchObject({
      content: 'Asked Sophia: Revenue?\nSophia answered: Q3 revenue was 1234.',
      kind: 'CONVERSATION',
      visibility: 'PRIVATE',
    });
  });

  it('streams a long answer written in one go as a few TOKENs, so no reader falls 256 events behind', async () => {
    const sent = await send('Long?');
    const events = await follow(chat.socket(), sent.reply!.id);
    expect(textOf(events)).toBe(Array.from({ length: 1_000 }, (_, i) => `w${i} `).join(''));
    expect(events.filter((event) => event.type === 'TOKEN').length).toBeLessThanOrEqual(2);
  });

  it('refuses a blank, too long or foreign message as data with codes', async () => {
    const own = await send('Hello there');
    const theirs = await send('Mine', undefined, OTHER);
    const cases: Array<[string, string | undefined, string, string[]]> = [
      ['   ', undefined, 'BAD_USER_INPUT', ['input', 'text']],
      ['x'.repeat(101), undefined, 'BAD_USER_INPUT', ['input', 'text']],
      ['Hi', 'cnv_unknown', 'NOT_FOUND', ['input', 'conversationId']],
      ['Hi', theirs.conversation!.id, 'NOT_FOUND', ['input', 'conversationId']],
    ];
    for (const [text, conversationId, code, field] of cases) {
      const refused = await send(text, conversationId);
      expect(refused).toMatchObject({ conversation: null, userMessage: null, reply: null });
      expect(refused.errors).toMatchObject([{ code, field }]);
    }
    expect((await send('Go on', own.conversation!.id)).conversation?.id).toBe(own.conversation!.id);
  });

  it('refuses more messages a minute than the limit with RATE_LIMITED, per user', async () => {
    const viewer = { userId: 'usr_rate', roles: ['member'], scopes: [] };
    for (let i = 0; i < 30; i++) expect((await send(`Ping ${i}`, undefined, viewer)).errors).toEqual([]);
    const refused = await send('One more', undefined, viewer);
    expect(refused.errors).toMatchObject([{ code: 'RATE_LIMITED', field: null }]);
    expect((await send('Someone else')).errors).toEqual([]);
  });

  it('resumes after a disconnect with `after`: the rest, no gap, no duplicate', async () => {
    const sent = await send('Tell me a long story');
    const whole = await follow(chat.socket(), sent.reply!.id);
    const first = await follow(chat.socket(), sent.reply!.id, { stopAfter: 5 });
    const rest = await follow(chat.socket(), sent.reply!.id, { after: first.at(-1)!.seq });
    expect([...first, ...rest]).toEqual(whole);
    expect(textOf(whole)).toBe(Array.from({ length: 40 }, (_, i) => `t${i} `).join(''));

    // While the reply is still being written, too.
    const live = await send('Tell me another long story');
    const head = await follow(chat.socket(), live.reply!.id, { stopAfter: 3 });
    const tail = await follow(chat.socket(), live.reply!.id, { after: 3 });
    const seqs = [...head, ...tail].map((event) => event.seq);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    expect(tail.at(-1)?.type).toBe('DONE');
  });

  it('lets only the reply’s owner follow it; anyone else is told it does not exist', async () => {
    const sent = await send('Revenue?');
    await expect(follow(chat.socket(OTHER), sent.reply!.id)).rejects.toMatchObject([
      { extensions: { code: 'NOT_FOUND' } },
    ]);
    await expect(follow(chat.socket(), 'msg_unknown')).rejects.toMatchObject([
      { extensions: { code: 'NOT_FOUND' } },
    ]);
    await expect(follow(chat.socket(), sent.reply!.id, { after: -1 })).rejects.toMatchObject([
      { extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('ends a reply whose tool fails with ERROR and FAILED, and the conversation stays usable', async () => {
    const sent = await send('Broken tool?');
    const events = await follow(chat.socket(), sent.reply!.id);
    const last = events.at(-1)!;
    expect(last).toMatchObject({
      type: 'ERROR',
      error: { code: 'DOWNSTREAM_SERVICE_ERROR' },
      message: { id: sent.reply!.id, status: 'FAILED' },
    });
    expect(last.error?.message).toContain('kpi is down');
    expect(
      events.find((event) => event.type === 'TOOL_RESULT' && event.toolCall?.name === 'Broken')?.toolCall,
    ).toMatchObject({ ok: false, errorCode: 'DOWNSTREAM_SERVICE_ERROR' });
    expect(await message(sent.reply!.id)).toMatchObject({ status: 'FAILED' });

    const next = await send('Revenue?', sent.conversation!.id);
    expect((await follow(chat.socket(), next.reply!.id)).at(-1)?.message?.status).toBe('COMPLETE');
  });

  it('masks an unexpected failure as INTERNAL_SERVER_ERROR', async () => {
    const sent = await send('Crash?');
    const last = (await follow(chat.socket(), sent.reply!.id)).at(-1)!;
    expect(last).toMatchObject({
      type: 'ERROR',
      error: { code: 'INTERNAL_SERVER_ERROR' },
      message: { status: 'FAILED' },
    });
    expect(last.error?.message).not.toContain('unexpected bug');
  });

  it('cancels a reply for its owner only: DONE, CANCELLED, with what was written', async () => {
    const sent = await send('Slow?');
    const events = follow(chat.socket(), sent.reply!.id);
    await follow(chat.socket(), sent.reply!.id, { stopAfter: 6 });

    const foreign = await chat.running.request(CANCEL, { variables: { id: sent.reply!.id }, viewer: OTHER });
    expect(foreign.data).toMatchObject({ cancelReply: { message: null, errors: [{ code: 'NOT_FOUND' }] } });

    const cancelled = await chat.running.request<{
      cancelReply: { message: { status: string; content: string } };
    }>(CANCEL, { variables: { id: sent.reply!.id } });
    expect(cancelled.data?.cancelReply).toMatchObject({ message: { status: 'CANCELLED' }, errors: [] });
    const all = await events;
    expect(all.at(-1)).toMatchObject({ type: 'DONE', message: { status: 'CANCELLED' } });
    expect(all.at(-1)?.message?.content).toBe(textOf(all));
    expect(textOf(all)).toMatch(/^w0 w1 w2 /);
    expect(cancelled.data?.cancelReply.message.content).toBe(textOf(all));

    const again = await chat.running.request(CANCEL, { variables: { id: sent.reply!.id } });
    expect(again.data).toMatchObject({ cancelReply: { errors: [{ code: 'CONFLICT' }] } });
    const unknown = await chat.running.request(CANCEL, { variables: { id: 'msg_unknown' } });
    expect(unknown.data).toMatchObject({ cancelReply: { errors: [{ code: 'NOT_FOUND' }] } });
  });
});
