import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wholeFetch } from './whole-fetch.ts';

describe('wholeFetch', () => {
  let server: Server;
  let url: string;
  const received: Array<{ method?: string | undefined; headers: Record<string, unknown>; body: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ method: req.method, headers: req.headers, body });
        if (req.url === '/slow') return void setTimeout(() => res.end('late'), 500);
        const status = req.url === '/refused' ? 401 : 200;
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'max-age=5' });
        res.end(JSON.stringify({ echo: body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the body with its headers and answers as a fetch Response does, read whole', async () => {
    const response = await wholeFetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: '{"query":"{ a }"}',
    });
    expect(received.at(-1)).toMatchObject({
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"query":"{ a }"}',
    });
    expect([response.ok, response.status, response.statusText]).toEqual([true, 200, 'OK']);
    expect(response.headers.get('Cache-Control')).toBe('max-age=5');
    expect(response.headers.get('x-absent')).toBeNull();
    expect(await response.json()).toEqual({ echo: '{"query":"{ a }"}' });
    expect(await response.text()).toBe('{"echo":"{\\"query\\":\\"{ a }\\"}"}');
  });

  it('reports a refusal by its status, not as a failure', async () => {
    const response = await wholeFetch(`${url}/refused`, { method: 'POST', body: '{}' });
    expect([response.ok, response.status, response.statusText]).toEqual([false, 401, 'Unauthorized']);
  });

  it('rejects with a TimeoutError when the signal times out, and with the socket error code when refused', async () => {
    const timedOut = await wholeFetch(`${url}/slow`, { signal: AbortSignal.timeout(50) }).catch(
      (error: unknown) => error,
    );
    expect(timedOut).toMatchObject({ name: 'TimeoutError' });
    const refused = await wholeFetch('http://127.0.0.1:1/').catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
  });
});
