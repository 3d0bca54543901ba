import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInViewer } from '@sophia/kit';
import { TEST_SECRET } from '@sophia/kit/testing';
import { ToolCallError } from '../src/pipeline/answer-contract.ts';
import { McpConnectionPool } from '../src/tools/mcp-connection-pool.ts';
import { RequestGate } from '../src/tools/request-gate.ts';
import { createToolbox, type GatewayToolTransport } from '../src/tools/toolbox.ts';
import { startFakeMcpServer, type FakeMcpServer } from './fakes/fake-mcp-server.ts';

const CEO: SignedInViewer = Object.freeze({ userId: 'usr_001', roles: ['executive'], scopes: [] });
const REP: SignedInViewer = Object.freeze({ userId: 'usr_031', roles: ['member'], scopes: [] });

describe('the toolbox: the gateway tools as the reply’s viewer', () => {
  let gateway: FakeMcpServer;
  const pool = new McpConnectionPool();

  const toolbox = (
    viewer: SignedInViewer,
    transport: GatewayToolTransport = 'operations',
    options: { signal?: AbortSignal; secret?: string; gate?: RequestGate } = {},
  ) =>
    createToolbox({
      gatewayUrl: gateway.url,
      transport,
      servers: [],
      viewer,
      internalTokenSecret: options.secret ?? TEST_SECRET,
      timeoutMs: 10_000,
      pool,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.gate ? { gate: options.gate } : {}),
    });

  beforeAll(async () => {
    gateway = await startFakeMcpServer({
      Echo: (args, viewer) => ({ data: { echo: { ...args, viewer: viewer.userId } } }),
      Slow: async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return { data: { slow: true } };
      },
      Broken: () => ({ data: null, errors: [{ message: 'No access.', extensions: { code: 'FORBIDDEN' } }] }),
    });
  });
  afterEach(() => {
    gateway.calls.length = 0;
    gateway.requests.length = 0;
  });
  afterAll(async () => {
    await pool.close();
    await gateway.close();
  });

  it('sends calls started together in one /operations request, each answered in its own place', async () => {
    const tools = toolbox(CEO);
    const answers = await Promise.all([
      tools.call('Echo', { n: 1 }),
      tools.call('Echo', { n: 2 }),
      tools.call('Echo', { n: 3 }),
    ]);
    expect(answers).toEqual([1, 2, 3].map((n) => ({ echo: { n, viewer: 'usr_001' } })));
    expect(gateway.requests).toEqual(['/operations']);
    expect(gateway.calls.map((call) => [call.name, call.args, call.viewer.userId])).toEqual([
      ['Echo', { n: 1 }, 'usr_001'],
      ['Echo', { n: 2 }, 'usr_001'],
      ['Echo', { n: 3 }, 'usr_001'],
    ]);
    // A call that depends on an earlier answer goes in a request of its own.
    await tools.call('Echo', { n: answers.length });
    expect(gateway.requests).toEqual(['/operations', '/operations']);
  });

  it('never mixes viewers: two replies calling at once each go as their own viewer', async () => {
    const [ceo, rep] = await Promise.all([toolbox(CEO).call('Echo', {}), toolbox(REP).call('Echo', {})]);
    expect(ceo).toEqual({ echo: { viewer: 'usr_001' } });
    expect(rep).toEqual({ echo: { viewer: 'usr_031' } });
    expect(gateway.requests).toEqual(['/operations', '/operations']);
  });

  it('turns GraphQL errors, unknown tools and refused requests into coded tool errors, alone', async () => {
    const tools = toolbox(CEO);
    const [broken, missing, fine] = await Promise.allSettled([
      tools.call('Broken', {}),
      tools.call('NoSuchTool', {}),
      tools.call('Echo', {}),
    ]);
    expect(broken).toMatchObject({ status: 'rejected', reason: { tool: 'Broken', code: 'FORBIDDEN' } });
    expect(missing).toMatchObject({ status: 'rejected', reason: { tool: 'NoSuchTool', code: 'NOT_FOUND' } });
    expect(fine).toEqual({ status: 'fulfilled', value: { echo: { viewer: 'usr_001' } } });

    const forged = toolbox(CEO, 'operations', { secret: 'another-secret-of-at-least-32-chars!!' });
    const refused = await forged.call('Echo', {}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ToolCallError);
    expect(refused).toMatchObject({ tool: 'Echo', code: 'DOWNSTREAM_SERVICE_ERROR' });
  });

  it('stops waiting when the reply is cancelled', async () => {
    const cancel = new AbortController();
    const pending = toolbox(CEO, 'operations', { signal: cancel.signal }).call('Slow', {});
    setTimeout(() => cancel.abort('CANCELLED'), 20);
    const error = await pending.catch((reason: unknown) => reason);
    expect(error).not.toBeInstanceOf(ToolCallError);
    expect(cancel.signal.aborted).toBe(true);
  });

  it('holds requests past the gate’s limit, all replies together, background work in a lane of its own', async () => {
    const gate = new RequestGate(1);
    const [ceo, rep] = [toolbox(CEO, 'operations', { gate }), toolbox(REP, 'operations', { gate })];
    const slow = ceo.call('Slow', {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gate.inFlight).toBe(1);
    // Slow holds the only answer slot: another reply's answer waits; remembering goes in its own lane.
    const answered = rep.call('Echo', { n: 'answer' });
    const remembered = ceo.call('Echo', { n: 'background' }, 'background');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gate.queued).toBe(1);
    const echoed = () => gateway.calls.flatMap((call) => (call.name === 'Echo' ? [call.args['n']] : []));
    expect(echoed()).toEqual(['background']);
    await Promise.all([slow, remembered, answered]);
    expect(echoed()).toEqual(['background', 'answer']);
    expect(gate.inFlight).toBe(0);
  });

  it('gives the same answers over MCP (CHAT_TOOL_TRANSPORT=mcp), one MCP request per call', async () => {
    const tools = toolbox(CEO, 'mcp');
    const answers = await Promise.all([tools.call('Echo', { n: 1 }), tools.call('Echo', { n: 2 })]);
    expect(answers).toEqual([1, 2].map((n) => ({ echo: { n, viewer: 'usr_001' } })));
    await expect(tools.call('Broken', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(gateway.requests.every((path) => path === '/mcp')).toBe(true);
    expect(gateway.calls.map((call) => call.viewer.userId)).toEqual(['usr_001', 'usr_001', 'usr_001']);
  });
});
