import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMITTED_SECRETS,
  DEV_INTERNAL_TOKEN_SECRET,
  signDelegatedToken,
  signViewerToken,
  VIEWER_HEADER,
  type Viewer,
} from '@sophia/kit';
import { SUBGRAPHS } from '../../ops/src/launcher/stack.ts';
import { repoPath } from '../../ops/src/repo-path.ts';
import { startTestStack, type RunningStack } from './stack-fixture.ts';

/** Real production secrets for this test run: long, random-looking, committed nowhere but here. */
const INTERNAL = 'prod-internal-5b0c1e7f9a2d4c6e8f0a1b3c5d7e9f1a3b5c7d9e';
const IDP_SECRET = 'prod-idp-hs256-2f4a6c8e0b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a';
const PEPPER = 'prod-api-key-pepper-8d6b4f2a0c9e7b5d3f1a8c6e4b2d0f9a7c5e3b1d';
const ISSUER = 'https://idp.example.test/';
const AUDIENCE = 'sophia-api';
const CEO: Viewer = { userId: 'usr_001', roles: ['exec', 'member'], scopes: [] };

const PRODUCTION = {
  SOPHIA_ENV: 'production',
  HOST: '127.0.0.1',
  METRICS_PORT: '0',
  INTERNAL_TOKEN_SECRET: INTERNAL,
  API_KEY_PEPPER: PEPPER,
  JWT_SECRET: IDP_SECRET,
  JWT_ISSUER: ISSUER,
  JWT_AUDIENCE: AUDIENCE,
};

/** An identity provider's token, as a real one would sign it (HS256 stands in for its key). */
const idpToken = (
  secret: string,
  claims: { iss?: string; aud?: string; scope?: string; roles?: readonly string[] } = {},
) =>
  new SignJWT({ roles: [...(claims.roles ?? CEO.roles)], ...(claims.scope ? { scope: claims.scope } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(CEO.userId!)
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));

/** Runs one service entry point and returns how it ended, without waiting for a port it must not open. */
function runToExit(
  entry: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', repoPath(entry)], {
      cwd: repoPath(''),
      env: { PATH: process.env['PATH'] ?? '', PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('production mode: refusing to start without real secrets', () => {
  it('every service exits 1 with one message naming every problem', async () => {
    const entries = [
      ...SUBGRAPHS.map(({ name }) => `subgraphs/${name}/src/index.ts`),
      'gateway/src/index.ts',
    ];
    const results = await Promise.all(
      entries.map((entry) =>
        runToExit(entry, {
          NODE_ENV: 'production',
          INTERNAL_TOKEN_SECRET: DEV_INTERNAL_TOKEN_SECRET,
          INTERNAL_TOKEN_PREVIOUS_SECRETS: 'too-short',
        }),
      ),
    );
    results.forEach(({ code, stderr }, i) => {
      const label = `${entries[i]}: ${stderr}`;
      expect(code, label).toBe(1);
      expect(stderr, label).toMatch(/invalid configuration/);
      expect(stderr, label).toMatch(/INTERNAL_TOKEN_SECRET: is a development default/);
      expect(stderr, label).toMatch(/INTERNAL_TOKEN_PREVIOUS_SECRETS\[0\]: must be at least 32 bytes/);
      expect(stderr, label).toMatch(/HOST: is required in production/);
      // Where API keys are hashed (the project subgraph) and checked (the gateway), the pepper is required.
      const hashesKeys = /(project|gateway)\/src\/index\.ts$/.test(entries[i]!);
      expect(/API_KEY_PEPPER: is required in production/.test(stderr), label).toBe(hashesKeys);
    });
    const gateway = results.at(-1)!.stderr;
    expect(gateway).toMatch(/JWKS_URL: your identity provider's keys are required/);
    expect(gateway).toMatch(/JWT_ISSUER: is required/);
    expect(gateway).toMatch(/JWT_AUDIENCE: is required/);
    // Six cold TypeScript processes at once: slow on a busy machine, so a generous harness limit.
  }, 300_000);
});

describe('production mode: every caller proven, token kinds never cross', () => {
  let stack: RunningStack;
  const subgraphUrl = (name: string) =>
    `${stack.subgraphs[name as keyof RunningStack['subgraphs']].url}/graphql`;
  const atSubgraph = async (name: string, viewerToken: string) => {
    const response = await fetch(subgraphUrl(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [VIEWER_HEADER]: viewerToken },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return response.status;
  };
  const atEdge = async (token: string, query = '{ me { id } }') => stack.query(query, { token });

  beforeAll(async () => {
    stack = await startTestStack({ env: PRODUCTION });
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers a genuine identity-provider token with a registered operation only, forwarding it', async () => {
    const registered = readFileSync(repoPath('schema/operations/kpi.graphql'), 'utf8');
    const token = await idpToken(IDP_SECRET);
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: registered, operationName: 'KpiCards' }),
    });
    const reply = (await response.json()) as { errors?: unknown };
    expect(response.status, JSON.stringify(reply)).toBe(200);
    expect(reply.errors).toBeUndefined();
    const unlisted = await atEdge(token, '{ __typename kpiCards { value } }');
    expect(unlisted.status).toBe(400);
    expect(unlisted.errors).toMatchObject([{ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } }]);
    expect(await atSubgraph('kpi', await signViewerToken(CEO, INTERNAL))).toBe(200);
  });

  it('refuses a token signed with any committed constant, at the edge and at each subgraph directly', async () => {
    for (const constant of COMMITTED_SECRETS) {
      for (const forged of [
        await idpToken(constant),
        await signViewerToken(CEO, constant),
        await signDelegatedToken(CEO, constant),
      ]) {
        const reply = await atEdge(forged);
        expect(reply.status).toBe(401);
        expect(reply.errors).toMatchObject([{ extensions: { code: 'UNAUTHENTICATED' } }]);
      }
      for (const { name } of SUBGRAPHS) {
        expect(await atSubgraph(name, await signViewerToken(CEO, constant)), name).toBe(401);
      }
    }
  });

  it('never lets one kind of token pass where another is expected', async () => {
    // The gateway's own viewer token (the real secret) at the edge.
    expect((await atEdge(await signViewerToken(CEO, INTERNAL))).status).toBe(401);
    // An identity-provider token, or a delegated one, presented to a subgraph directly.
    for (const { name } of SUBGRAPHS) {
      expect(await atSubgraph(name, await idpToken(IDP_SECRET)), name).toBe(401);
      expect(await atSubgraph(name, await signDelegatedToken(CEO, INTERNAL)), name).toBe(401);
    }
    // An identity-provider token for another audience or issuer.
    expect((await atEdge(await idpToken(IDP_SECRET, { aud: 'someone-else' }))).status).toBe(401);
    expect((await atEdge(await idpToken(IDP_SECRET, { iss: 'https://evil.example/' }))).status).toBe(401);
  });

  it('lets an admin manage API keys through the registered operations; a key runs registered operations only', async () => {
    const keys = readFileSync(repoPath('schema/operations/admin/api-keys.graphql'), 'utf8');
    const kpis = readFileSync(repoPath('schema/operations/kpi.graphql'), 'utf8');
    const send = async (token: string, query: string, operationName?: string, variables = {}) => {
      const response = await fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, operationName, variables }),
      });
      return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
    };
    const admin = await idpToken(IDP_SECRET, { roles: ['admin', ...CEO.roles] });
    const created = await send(admin, keys, 'CreateApiKey', {
      input: { name: 'Production tool', scopes: ['kpi:read'] },
    });
    expect(created.status, JSON.stringify(created)).toBe(200);
    const { secret, apiKey } = created.data.createApiKey;
    expect(secret).toMatch(/^sk_sophia_[0-9a-f]{16}_/);
    expect((await send(secret, kpis, 'KpiCards')).status).toBe(200);
    const unlisted = await send(secret, '{ kpiCards { value } }');
    expect(unlisted.status).toBe(400);
    expect(unlisted.errors).toMatchObject([{ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } }]);
    // Without the admin role, the registered operations are refused all the same.
    const member = await send(await idpToken(IDP_SECRET), keys, 'ApiKeys');
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const revoked = await send(admin, keys, 'RevokeApiKey', { id: apiKey.id });
    expect(revoked.data.revokeApiKey.errors).toEqual([]);
    expect((await send(secret, kpis, 'KpiCards')).status).toBe(401);
  });

  it('serves no demo login, introspection, Sandbox or metrics on the public port', async () => {
    const login = await fetch(`${stack.gateway.url}/auth/dev-login`, { method: 'POST', body: '' });
    expect(login.status).not.toBe(200);
    expect(await login.text()).not.toContain('token');
    // Even for a caller allowed to send any operation.
    const developer = await idpToken(IDP_SECRET, { scope: 'sophia:arbitrary-operations' });
    const introspection = await atEdge(developer, '{ __schema { types { name } } }');
    expect(introspection.data ?? null).toBeNull();
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const sandbox = await fetch(`${stack.gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await sandbox.text()).not.toMatch(/sandbox|embeddable/i);
    for (const service of [stack.gateway, ...Object.values(stack.subgraphs)]) {
      const metrics = await fetch(`${service.url}/metrics`);
      expect(await metrics.text()).not.toContain('sophia_http_requests_total');
    }
  });
});
