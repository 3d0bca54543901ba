import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, createLogger, createServiceMetrics, listenHttp } from '@sophia/kit';
import { loadGatewayConfig } from '../env.ts';
import { createDevLogin } from './dev-login.ts';
import { devUsersDataDir } from '../../tests/dev-users-dir.ts';

describe('dev login', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createHttpApp({
      logger: createLogger('gateway', 'silent'),
      metrics: createServiceMetrics('gateway'),
      isReady: () => true,
      routes: {
        '/auth/dev-login': createDevLogin(loadGatewayConfig({ SOPHIA_DATA_DIR: devUsersDataDir() }, {})),
      },
    });
    url = `http://127.0.0.1:${await listenHttp(server, 0, '127.0.0.1')}/auth/dev-login`;
  });
  afterAll(() => new Promise((done) => server.close(done)));

  it('lists the users a sign-in screen offers, the chief executive first, without a token', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const { users } = (await response.json()) as {
      users: Array<{ id: string; email: string; role: string; name: string; title: string }>;
    };
    expect(users[0]).toMatchObject({ id: 'usr_001', role: 'EXECUTIVE' });
    expect(users.length).toBeGreaterThan(3);
    expect(users.every((u) => u.role !== 'MEMBER' && u.email.includes('@') && u.name && u.title)).toBe(true);
    expect(JSON.stringify(users)).not.toContain('token');
  });

  it('signs in as a listed user', async () => {
    const { users } = (await (await fetch(url)).json()) as { users: Array<{ id: string; email: string }> };
    const chosen = users[1]!;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: chosen.email }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; user: { id: string } };
    expect(body.user.id).toBe(chosen.id);
    expect(body.token.split('.')).toHaveLength(3);
  });

  it('refuses methods other than GET and POST', async () => {
    const response = await fetch(url, { method: 'DELETE' });
    expect(response.status).toBe(405);
  });
});
