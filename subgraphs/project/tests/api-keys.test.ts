import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_KEY_LOOKUP_PATH,
  API_KEY_USED_PATH,
  apiKeyIdOf,
  apiKeyMatches,
  DEV_API_KEY_PEPPER,
  DuckDb,
  signDelegatedToken,
  signKeyLookupToken,
  signViewerToken,
  type Viewer,
} from '@sophia/kit';
import { TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { dataOf, newDataDir, startProject } from './harness.ts';

const ADMIN: Viewer = { userId: 'usr_001', roles: ['exec', 'admin', 'member'], scopes: [] };
const MEMBER: Viewer = { userId: 'usr_002', roles: ['exec', 'member'], scopes: [] };

const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    apiKey { id name scopes prefix createdAt expiresAt lastUsedAt revokedAt owner { id } }
    errors { field code message }
  }
}`;
const LIST = `query($all: Boolean) { apiKeys(includeInactive: $all) { id name scopes revokedAt lastUsedAt } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } errors { code } } }`;

interface Created {
  createApiKey: {
    secret: string | null;
    apiKey: Record<string, unknown> & { id: string; prefix: string };
    errors: Array<{ field: string[]; code: string }>;
  };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('API keys in the project subgraph', () => {
  const dataDir = newDataDir();
  let project: RunningSubgraph;
  const create = (input: Record<string, unknown>, viewer: Viewer = ADMIN) =>
    project.request<Created>(CREATE, { variables: { input }, viewer });
  const internal = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(project.url.replace('/graphql', path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    project = await startProject(dataDir);
  });
  afterAll(() => project?.close());

  it('creates a key whose secret is shown once and stored only as its peppered hash', async () => {
    const expiresAt = inDays(30);
    const { createApiKey } = dataOf(
      await create({ name: ' CRM sync ', scopes: ['sales:read', 'kpi:read'], expiresAt }),
    );
    expect(createApiKey.errors).toEqual([]);
    const secret = createApiKey.secret!;
    const key = createApiKey.apiKey;
    expect(apiKeyIdOf(secret)).toBe(key.id);
    expect(secret.startsWith(key.prefix)).toBe(true);
    expect(key).toMatchObject({
      name: 'CRM sync',
      scopes: ['sales:read', 'kpi:read'],
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
      owner: { id: ADMIN.userId },
    });
    const listed = dataOf(await project.request<{ apiKeys: unknown[] }>(LIST, { viewer: ADMIN }));
    expect(JSON.stringify(listed)).not.toContain(secret.slice(key.prefix.length));
    expect(listed.apiKeys).toContainEqual(expect.objectContaining({ id: key.id, name: 'CRM sync' }));

    // What the gateway reads back: the hash (matching under the pepper), never the secret.
    const token = await signKeyLookupToken(TEST_SECRET);
    const lookup = await internal(API_KEY_LOOKUP_PATH, { id: key.id }, token);
    expect(lookup.status).toBe(200);
    expect(lookup.body['key']).toMatchObject({
      id: key.id,
      ownerId: ADMIN.userId,
      ownerRoles: ADMIN.roles,
      scopes: ['sales:read', 'kpi:read'],
      revoked: false,
    });
    expect(apiKeyMatches(secret, lookup.body['key'].hash, DEV_API_KEY_PEPPER)).toBe(true);
    expect(JSON.stringify(lookup.body)).not.toContain(secret.slice(key.prefix.length));
    expect((await internal(API_KEY_LOOKUP_PATH, { id: '0123456789abcdef' }, token)).body).toEqual({
      key: null,
    });

    // Last use only moves forward.
    expect((await internal(API_KEY_USED_PATH, { id: key.id }, token)).status).toBe(200);
    const used = dataOf(
      await project.request<{ apiKeys: Array<{ id: string; lastUsedAt: string }> }>(LIST, { viewer: ADMIN }),
    );
    expect(used.apiKeys.find((k) => k.id === key.id)?.lastUsedAt).not.toBeNull();
  });

  it('keeps the secret out of the store itself', async () => {
    const { createApiKey } = dataOf(await create({ name: 'Agent', scopes: ['chat'] }));
    await project.close();
    const db = await DuckDb.open(dataDir, 'project.duckdb');
    try {
      const rows = await db.query('SELECT * FROM api_keys');
      expect(JSON.stringify(rows)).not.toContain(createApiKey.secret!.split('_').slice(3).join('_'));
      expect(rows.find((row) => row['id'] === createApiKey.apiKey.id)).toMatchObject({ scopes: 'chat' });
    } finally {
      await db.close();
    }
    project = await startProject(dataDir);
  });

  it('validates and bounds every input, reporting each problem with its field', async () => {
    const bad = dataOf(
      await create({ name: 'x'.repeat(101), scopes: ['sales:read', 'project:write'], expiresAt: inDays(-1) }),
    ).createApiKey;
    expect(bad.secret).toBeNull();
    expect(bad.errors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.name', 'BAD_USER_INPUT'],
      ['input.scopes', 'BAD_USER_INPUT'],
      ['input.expiresAt', 'BAD_USER_INPUT'],
    ]);
    const problems = async (input: Record<string, unknown>) =>
      dataOf(await create({ name: 'n', scopes: ['kpi:read'], ...input })).createApiKey.errors.map((e) =>
        e.field.join('.'),
      );
    expect(await problems({ expiresAt: inDays(366) })).toEqual(['input.expiresAt']);
    expect(await problems({ expiresAt: 'next tuesday' })).toEqual(['input.expiresAt']);
    expect(await problems({ scopes: [] })).toEqual(['input.scopes']);
    expect(await problems({ scopes: ['kpi:read', 'kpi:read'] })).toEqual(['input.scopes']);
    expect(await problems({ name: '  ' })).toEqual(['input.name']);
    expect(await problems({ name: 'tab\there' })).toEqual(['input.name']);
  });

  it('caps the active keys of one admin; revoking one makes room', async () => {
    const other: Viewer = { ...ADMIN, userId: 'usr_003' };
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { createApiKey } = dataOf(await create({ name: `k${i}`, scopes: ['kpi:read'] }, other));
      expect(createApiKey.errors).toEqual([]);
      ids.push(createApiKey.apiKey.id);
    }
    const refused = dataOf(await create({ name: 'one too many', scopes: ['kpi:read'] }, other)).createApiKey;
    expect(refused.errors.map((e) => e.code)).toEqual(['CONFLICT']);
    dataOf(await project.request(REVOKE, { variables: { id: ids[0] }, viewer: other }));
    expect(
      dataOf(await create({ name: 'replacement', scopes: ['kpi:read'] }, other)).createApiKey.errors,
    ).toEqual([]);
  });

  it('revokes: the key leaves the active list, the lookup says revoked, revoking again changes nothing', async () => {
    const { createApiKey } = dataOf(await create({ name: 'Short-lived', scopes: ['memory:read'] }));
    const id = createApiKey.apiKey.id;
    const first = dataOf(
      await project.request<{ revokeApiKey: { apiKey: { revokedAt: string } } }>(REVOKE, {
        variables: { id },
        viewer: ADMIN,
      }),
    );
    expect(first.revokeApiKey.apiKey.revokedAt).toMatch(/^\d{4}-/);
    const again = dataOf(
      await project.request<{ revokeApiKey: { apiKey: { revokedAt: string } } }>(REVOKE, {
        variables: { id },
        viewer: ADMIN,
      }),
    );
    expect(again.revokeApiKey.apiKey.revokedAt).toBe(first.revokeApiKey.apiKey.revokedAt);
    const active = dataOf(await project.request<{ apiKeys: Array<{ id: string }> }>(LIST, { viewer: ADMIN }));
    expect(active.apiKeys.map((k) => k.id)).not.toContain(id);
    const all = dataOf(
      await project.request<{ apiKeys: Array<{ id: string }> }>(LIST, {
        variables: { all: true },
        viewer: ADMIN,
      }),
    );
    expect(all.apiKeys.map((k) => k.id)).toContain(id);
    const lookup = await internal(API_KEY_LOOKUP_PATH, { id }, await signKeyLookupToken(TEST_SECRET));
    expect(lookup.body['key']).toMatchObject({ revoked: true });
    const unknown = dataOf(
      await project.request<{ revokeApiKey: { errors: Array<{ code: string }> } }>(REVOKE, {
        variables: { id: 'fedcba9876543210' },
        viewer: ADMIN,
      }),
    );
    expect(unknown.revokeApiKey.errors).toEqual([{ code: 'NOT_FOUND' }]);
  });

  it('lets no one but an admin create, list or revoke keys', async () => {
    for (const [viewer, code] of [
      [MEMBER, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      const asViewer = viewer ?? { userId: null, roles: [], scopes: [] };
      for (const [query, variables] of [
        [CREATE, { input: { name: 'n', scopes: ['kpi:read'] } }],
        [LIST, {}],
        [REVOKE, { id: '0123456789abcdef' }],
      ] as const) {
        const reply = await project.request(query, { variables, viewer: asViewer });
        expect(reply.errors?.[0]?.extensions?.['code'], query).toBe(code);
        expect(JSON.stringify(reply.data ?? null)).not.toContain('sk_sophia_');
      }
    }
  });

  it('opens its internal lookup to the gateway credential only: no viewer, delegated or missing token', async () => {
    const { createApiKey } = dataOf(await create({ name: 'Probe', scopes: ['kpi:read'] }));
    const id = createApiKey.apiKey.id;
    for (const token of [
      undefined,
      await signViewerToken(ADMIN, TEST_SECRET),
      await signDelegatedToken(ADMIN, TEST_SECRET),
      await signKeyLookupToken('another-secret-of-at-least-thirty-two-bytes'),
      createApiKey.secret!,
    ]) {
      for (const path of [API_KEY_LOOKUP_PATH, API_KEY_USED_PATH]) {
        const reply = await internal(path, { id }, token);
        expect(reply.status, `${path} ${token?.slice(0, 20)}`).toBe(401);
        expect(JSON.stringify(reply.body)).not.toContain('hash');
      }
    }
    const malformed = await internal(
      API_KEY_LOOKUP_PATH,
      { id: "' OR 1=1 --" },
      await signKeyLookupToken(TEST_SECRET),
    );
    expect(malformed.status).toBe(400);
  });
});
