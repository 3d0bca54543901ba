import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CEO } from '@sophia/kit/testing';
import { startFakeMcpServer, type FakeMcpServer } from './fakes/fake-mcp-server.ts';
import {
  startFakeOpenAiChatServer,
  type FakeChatRequest,
  type FakeOpenAiChatServer,
  type FakeTurn,
} from './fakes/fake-openai-chat-server.ts';
import { WITHHELD } from '../src/llm/grounded-stream.ts';
import { CANCEL, follow, SEND, startChat, textOf, type RunningChat } from './chat-harness.ts';
import { scriptedTools, understandAnything } from './scripted-answers.ts';

type Sent = { sendMessage: { reply: { id: string } } };

const ANSWER = ['Q3 revenue', ' was **$1,234**', ' (Revenue', ' metric).'];

/** The fake model's script, by the question it is asked. */
function script(request: FakeChatRequest): FakeTurn {
  const messages = request.body.messages;
  const question = String(messages.findLast((m) => m['role'] === 'user')?.['content']);
  const toolResults = messages.filter((m) => m['role'] === 'tool').length;
  if (question === 'LLM down?') return { status: 500, message: 'The model is overloaded.' };
  if (question === 'Invent a figure?' && toolResults > 0) {
    return { text: ['Revenue was ', '$9,876,543', ' while KPI cards say ', '$1,234', '.'] };
  }
  if (question === 'Ramble?') return { text: Array.from({ length: 500 }, (_, i) => `r${i} `), delayMs: 10 };
  // A model offered no tools cannot call any.
  if (question === 'Loop forever?' && request.body.tools) {
    return { toolCalls: [{ name: 'KpiCards', argumentFragments: ['{}'] }] };
  }
  if (toolResults === 0) {
    return {
      toolCalls: [
        { name: 'KpiCards', argumentFragments: ['{"per', 'iod": "', 'Q3"}'] },
        { name: 'crm__Lookup', argumentFragments: ['{"q":', '"acme"}'] },
      ],
    };
  }
  return { text: ANSWER };
}

describe('the LLM path (OpenAI-compatible streaming with MCP tools)', () => {
  let llm: FakeOpenAiChatServer;
  let mcp: FakeMcpServer;
  let crm: FakeMcpServer;
  let chat: RunningChat;

  const ask = async (text: string) => {
    const response = await chat.running.request<Sent>(SEND, { variables: { input: { text } } });
    expect(response.errors).toBeUndefined();
    const { id } = response.data!.sendMessage.reply;
    return follow(chat.socket(), id);
  };

  beforeAll(async () => {
    llm = await startFakeOpenAiChatServer(script);
    mcp = await startFakeMcpServer({
      ...scriptedTools,
      KpiCards: () => ({ data: { kpiCards: [{ value: 1234, metric: { id: 'revenue', name: 'Revenue' } }] } }),
    });
    crm = await startFakeMcpServer(
      { Lookup: () => ({ data: { hits: ['Acme'] } }) },
      { requireViewer: false },
    );
    chat = await startChat(
      {
        SOPHIA_GATEWAY_URL: mcp.url,
        MCP_SERVERS: `crm=${crm.url}/mcp`,
        LLM_BASE_URL: llm.url,
        LLM_MODEL: 'fake-model',
        LLM_API_KEY: 'sk-fake',
        LLM_MAX_TOOL_ROUNDS: '2',
      },
      { understand: understandAnything },
    );
  });
  afterAll(async () => {
    await chat?.close();
    await Promise.all([llm?.close(), mcp?.close(), crm?.close()]);
  });

  it('offers the MCP tools as functions, runs the calls it streams in fragments, and streams its answer', async () => {
    const events = await ask('What was Q3 revenue?');
    const [first, second] = llm.requests.slice(-2);
    expect(first?.authorization).toBe('Bearer sk-fake');
    expect(first?.body).toMatchObject({ model: 'fake-model', stream: true });
    expect(first?.body.tools?.map((tool) => tool.function.name).sort()).toEqual(
      ['Broken', 'KpiCards', 'Remember', 'SearchMemories', 'crm__Lookup'].sort(),
    );
    expect(first?.body.messages[0]).toMatchObject({ role: 'system' });
    expect(String(first?.body.messages[0]?.['content'])).toContain('mem_acme');

    const assistant = second?.body.messages.find((m) => m['role'] === 'assistant') as {
      tool_calls: Array<{ id: string; function: { name: string; arguments: string } }>;
    };
    expect(
      assistant.tool_calls.map((call) => [call.function.name, JSON.parse(call.function.arguments)]),
    ).toEqual([
      ['KpiCards', { period: 'Q3' }],
      ['crm__Lookup', { q: 'acme' }],
    ]);
    const results = second?.body.messages.filter((m) => m['role'] === 'tool') ?? [];
    expect(results.map((m) => m['tool_call_id'])).toEqual(assistant.tool_calls.map((call) => call.id));
    expect(String(results[0]?.['content'])).toContain('1234');
    expect(String(results[1]?.['content'])).toContain('Acme');

    const calls = events.filter((event) => event.type === 'TOOL_CALL').map((event) => event.toolCall);
    expect(calls.map((call) => [call?.server, call?.name, call?.arguments])).toEqual([
      ['sophia', 'SearchMemories', expect.any(String)],
      ['sophia', 'KpiCards', '{"period":"Q3"}'],
      ['crm', 'crm__Lookup', '{"q":"acme"}'],
    ]);
    expect(crm.calls.map((call) => [call.name, call.args])).toEqual([['Lookup', { q: 'acme' }]]);
    expect(
      mcp.calls.filter((call) => call.name === 'KpiCards').every((call) => call.viewer.userId === CEO.userId),
    ).toBe(true);
    // Released at word boundaries, so each figure is checked whole before it is streamed.
    const tokens = events.filter((event) => event.type === 'TOKEN').map((event) => event.delta);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join('')).toBe(ANSWER.join(''));
    expect(events.filter((event) => event.type === 'CITATION').map((event) => event.citation)).toEqual([
      { __typename: 'Metric', id: 'revenue' },
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'DONE',
      message: { status: 'COMPLETE', content: ANSWER.join('') },
    });
  });

  it('stops offering tools after the configured rounds, so the model must answer', async () => {
    const before = llm.requests.length;
    const events = await ask('Loop forever?');
    const requests = llm.requests.slice(before);
    expect(requests.map((request) => request.body.tools !== undefined)).toEqual([true, true, false]);
    expect(
      events.filter((event) => event.type === 'TOOL_CALL' && event.toolCall?.name === 'KpiCards'),
    ).toHaveLength(2);
    expect(textOf(events)).toBe(ANSWER.join(''));
  });

  it('stops the model’s stream when the reply is cancelled', async () => {
    const response = await chat.running.request<Sent>(SEND, { variables: { input: { text: 'Ramble?' } } });
    const { id } = response.data!.sendMessage.reply;
    const events = follow(chat.socket(), id);
    const head = await follow(chat.socket(), id, { stopAfter: 6 });
    expect(head.at(-1)?.type).toBe('TOKEN');
    const cancelled = await chat.running.request(CANCEL, { variables: { id } });
    expect(cancelled.data).toMatchObject({ cancelReply: { message: { status: 'CANCELLED' }, errors: [] } });
    const all = await events;
    expect(all.at(-1)).toMatchObject({
      type: 'DONE',
      message: { status: 'CANCELLED', content: textOf(all) },
    });
    expect(textOf(all).length).toBeLessThan(500 * 4);
    await expect.poll(() => llm.abandoned).toBe(1);
  });

  it('withholds a figure the model gives that no tool result of the reply contains, and says so', async () => {
    const events = await ask('Invent a figure?');
    const text = textOf(events);
    expect(text).not.toContain('9,876,543');
    expect(text).toContain(`Revenue was ${WITHHELD} while KPI cards say $1,234.`);
    expect(text).toContain(
      'Sophia withheld a figure the model gave: no tool result of this reply contains it.',
    );
    expect(events.at(-1)).toMatchObject({ type: 'DONE', message: { status: 'COMPLETE', content: text } });
  });

  it('ends the reply with ERROR when the LLM server fails', async () => {
    const events = await ask('LLM down?');
    expect(events.at(-1)).toMatchObject({
      type: 'ERROR',
      error: { code: 'DOWNSTREAM_SERVICE_ERROR' },
      message: { status: 'FAILED' },
    });
    expect(events.at(-1)?.error?.message).toContain('The model is overloaded.');
  });
});
