import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, createLogger, createServiceMetrics, listenHttp } from '@sophia/kit';
import { createStaticFiles } from './static-files.ts';

/** Sends a raw path (fetch would normalise `..` away before it reaches the server). */
function get(port: number, path: string, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('static files for the dashboard', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sophia-static-'));
  const dist = join(dir, 'dist');
  let server: Server;
  let port: number;

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Sophia</title>');
    writeFileSync(join(dist, 'assets', 'index-B1a2C3d4.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'index-B1a2C3d4.css'), 'body{}');
    writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the root');
    server = createHttpApp({
      logger: createLogger('gateway', 'silent'),
      metrics: createServiceMetrics('gateway'),
      isReady: () => true,
      routes: {},
      fallback: createStaticFiles(dist),
    });
    port = await listenHttp(server, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / with revalidation', async () => {
    const reply = await get(port, '/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.body).toContain('<title>Sophia</title>');
  });

  it('sends the security headers with every file: CSP, no framing, no referrer, no sniffing', async () => {
    for (const path of ['/', '/assets/index-B1a2C3d4.js', '/some/client/route']) {
      const reply = await get(port, path);
      expect(reply.status).toBe(200);
      const csp = String(reply.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves hashed assets with their content type, cached for a year', async () => {
    const js = await get(port, '/assets/index-B1a2C3d4.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toBe('console.log(1)');
    const css = await get(port, '/assets/index-B1a2C3d4.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('revalidates files without a hash in their name', async () => {
    const svg = await get(port, '/favicon.svg');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('no-cache');
  });

  it('answers client-side routes with index.html, but a missing file with 404', async () => {
    const route = await get(port, '/knowledge/search');
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>Sophia</title>');
    const missing = await get(port, '/assets/gone-12345678.js');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('never serves a file outside the root', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const reply = await get(port, path);
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.body, path).not.toContain('outside the root');
    }
    expect((await get(port, '/%E0%A4%A')).status).toBe(400);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(port, '/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await get(port, '/', 'POST')).status).toBe(405);
  });

  it('says the dashboard is not built when index.html is missing', async () => {
    rmSync(join(dist, 'index.html'));
    const reply = await get(port, '/');
    expect(reply.status).toBe(404);
    expect(reply.body).toContain('not built');
  });
});
