import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger, signDelegatedToken } from '@sophia/kit';
import { startSubgraph, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { loadGatewayConfig } from '../src/env.ts';
import { createGateway, type GatewayService } from '../src/gateway.ts';
import { createInventory, createReviews, writeSupergraph } from './fixture-federation.ts';
import { hostileCases, type HostileCase } from './hostile-corpus.ts';
import { connect, record } from './ws-client.ts';

interface Answer {
  readonly status: number;
  readonly body: string;
}

function post(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    // The gateway may answer 413 and close before the whole body is sent: that is an answer, not a failure.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    req.end(body);
  });
}

/** A coded refusal: a 4xx, or a GraphQL error carrying `extensions.code`, and never data. */
function expectRefused(hostile: HostileCase, answer: Answer): void {
  const label = `${hostile.family}: ${hostile.name} → ${answer.status} ${answer.body.slice(0, 200)}`;
  expect(answer.status, label).toBeGreaterThanOrEqual(400);
  expect(answer.status, label).toBeLessThan(500);
  if (answer.body === '') return;
  const parsed = JSON.parse(answer.body) as {
    data?: unknown;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
  expect(parsed.data ?? null, label).toBeNull();
  expect(parsed.errors?.[0]?.extensions?.code, label).toMatch(/^[A-Z_]+$/);
  expect(parsed.errors?.[0]?.extensions?.code, label).not.toBe('INTERNAL_SERVER_ERROR');
}

describe('gateway: hostile operations', () => {
  let inventory: RunningSubgraph;
  let reviews: RunningSubgraph;
  let gateway: GatewayService;
  let url: string;
  let token: string;
  const cases = hostileCases();

  const trivial = () =>
    post(url, JSON.stringify({ query: '{ whoami }' }), { authorization: `Bearer ${token}` });

  beforeAll(async () => {
    inventory = await startSubgraph(await createInventory());
    reviews = await startSubgraph(await createReviews());
    const config = loadGatewayConfig(
      {
        SUPERGRAPH_PATH: writeSupergraph({ inventory: inventory.url, reviews: reviews.url }),
        INTERNAL_TOKEN_SECRET: TEST_SECRET,
        // The corpus sends hundreds of requests from one address: its budget is not what is tested here.
        RATE_LIMIT_COST_PER_MINUTE: '100000000',
        // The test builds ~100 MB of bodies on the gateway's own event loop: that lag is not overload.
        SHED_MAX_EVENT_LOOP_LAG_MS: '60000',
      },
      {},
    );
    gateway = await createGateway(config, { logger: createLogger('gateway', 'silent') });
    url = (await gateway.listen(0, '127.0.0.1')).url;
    token = await signDelegatedToken({ userId: 'usr_1', roles: [], scopes: [] }, TEST_SECRET, 3_600);
  });
  afterAll(async () => {
    await gateway.close();
    await inventory.close();
    await reviews.close();
  });

  it(`refuses each of ${cases.length} generated cases with a coded 4xx, answering a trivial query beside each`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const heapBefore = process.memoryUsage().heapUsed;
    for (const hostile of cases) {
      const [refused, beside] = await Promise.all([post(url, hostile.body), trivial()]);
      expectRefused(hostile, refused);
      expect(beside.status, hostile.name).toBe(200);
      expect(JSON.parse(beside.body)).toEqual({ data: { whoami: 'usr_1' } });
    }
    const families = new Set(cases.map((c) => c.family));
    expect([...families].sort()).toEqual(
      [
        'aliases',
        'batch',
        'depth',
        'directives',
        'fragments',
        'huge',
        'malformed',
        'tokens',
        'unicode',
      ].sort(),
    );
    // Bounded memory: nothing of the refused documents is kept (the corpus itself is ~100 MB of bodies).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);
  }, 300_000);

  it('keeps client-sent operation names out of /metrics unless they are registered', async () => {
    for (let i = 0; i < 30; i++) {
      const answer = await post(url, JSON.stringify({ query: `query attacker${i} { whoami }` }));
      expect(answer.status).toBe(200);
    }
    await post(url, JSON.stringify({ query: 'query KpiCards { whoami }' }));
    const metrics = await (await fetch(url.replace('/graphql', '/metrics'))).text();
    expect(metrics).not.toContain('attacker');
    expect(metrics).toContain('operation="unregistered"');
    expect(metrics).toContain('operation="KpiCards"');
  });

  it('names the limit it refused for, with OPERATION_TOO_COMPLEX and HTTP 400', async () => {
    const expectations: Array<[string, string]> = [
      [`{ products { ${'... on Product { '.repeat(20)}id${' }'.repeat(20)} } }`, 'depth'],
      [`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: whoami`).join(' ')} }`, 'aliases'],
      [`{ whoami ${'@include(if: true) '.repeat(31)}}`, 'directives'],
      [`{ ${'__typename '.repeat(4_001)}}`, 'tokens'],
    ];
    for (const [query, limit] of expectations) {
      const answer = await post(url, JSON.stringify({ query }));
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({
        errors: [{ extensions: { code: 'OPERATION_TOO_COMPLEX', limit } }],
      });
    }
    const tooBig = await post(url, JSON.stringify({ query: `{ whoami # ${'x'.repeat(3 * 1024 * 1024)}\n}` }));
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body)).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers a trivial query while a 10,000-alias document is still arriving', async () => {
    const hostile = JSON.stringify({
      query: `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: whoami`).join(' ')} }`,
    });
    const order: string[] = [];
    const refusal = new Promise<Answer>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          order.push('hostile');
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
        });
      });
      req.on('error', reject);
      // Half the document now; the rest only once the trivial query has been answered.
      req.write(hostile.slice(0, hostile.length / 2));
      void trivial().then((answer) => {
        order.push(`trivial ${answer.status}`);
        req.end(hostile.slice(hostile.length / 2));
      });
    });
    expectRefused({ family: 'aliases', name: '10,000', body: hostile }, await refusal);
    expect(order).toEqual(['trivial 200', 'hostile']);
  });

  it('refuses the same documents on a socket with a coded GraphQL error, and closes on an oversized frame', async () => {
    const client = connect(url, { authorization: `Bearer ${token}` });
    try {
      for (const query of [
        `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: whoami`).join(' ')} }`,
        `{ ${'__typename '.repeat(4_001)}}`,
        `{ products { ${'... on Product { '.repeat(20)}id${' }'.repeat(20)} } }`,
      ]) {
        const ending = await record(client, { query }).ended;
        expect(ending).toMatchObject({
          kind: 'errors',
          errors: [{ extensions: { code: 'OPERATION_TOO_COMPLEX' } }],
        });
      }
      const ok = record(client, { query: '{ whoami }' });
      expect(await ok.received(1)).toEqual([{ data: { whoami: 'usr_1' } }]);
    } finally {
      await client.dispose();
    }

    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    await new Promise((resolve) => socket.once('message', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    const frame = JSON.stringify({
      id: '1',
      type: 'subscribe',
      payload: { query: `{ whoami # ${'x'.repeat(3 * 1024 * 1024)}\n}` },
    });
    socket.send(frame);
    expect(await closed).toBe(1009);
    expect((await trivial()).status).toBe(200);
  });
});
