import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, DEV_API_KEY_PEPPER, HttpError, type Viewer } from '@sophia/kit';
import { startSubgraph, tempDataDir, TEST_SECRET, type RunningSubgraph } from '@sophia/kit/testing';
import { loadProjectConfig } from '../../subgraphs/project/src/env.ts';
import { createProjectSubgraph } from '../../subgraphs/project/src/subgraph.ts';
import { createApiKeyStoreClient } from '../src/auth/api-keys/api-key-store-client.ts';
import { createApiKeyVerdicts } from '../src/auth/api-keys/api-key-verdicts.ts';
import {
  ApiKeyRefused,
  createApiKeyVerifier,
  type StoredApiKey,
} from '../src/auth/api-keys/api-key-verifier.ts';

const ADMIN: Viewer = { userId: 'usr_007', roles: ['admin', 'exec'], scopes: [] };
const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id } errors { code } } }`;

/** The gateway's client of the key store, against the real project subgraph (an empty store, migrated). */
describe('API key store client', () => {
  let project: RunningSubgraph;
  let base: string | undefined;
  const logger = createLogger('gateway', 'silent');
  const client = createApiKeyStoreClient({ baseUrl: () => base, secrets: TEST_SECRET, logger });
  const lastUsed = async (id: string) => {
    const reply = await project.request<{ apiKeys: Array<{ id: string; lastUsedAt: string | null }> }>(
      '{ apiKeys { id lastUsedAt } }',
      { viewer: ADMIN },
    );
    return reply.data?.apiKeys.find((key) => key.id === id)?.lastUsedAt ?? null;
  };

  beforeAll(async () => {
    const config = loadProjectConfig({ SOPHIA_DATA_DIR: tempDataDir('project'), LOG_LEVEL: 'silent' });
    project = await startSubgraph(
      await createProjectSubgraph(config, { logger: createLogger('project', 'silent') }),
    );
    base = project.url;
  });
  afterAll(() => project?.close());

  it('reads a key by id with the gateway credential, and a verifier built on it accepts only the real secret', async () => {
    const created = await project.request<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      CREATE,
      {
        variables: { input: { name: 'Sync', scopes: ['sales:read'] } },
        viewer: ADMIN,
      },
    );
    const { secret, apiKey } = created.data!.createApiKey;
    const stored = await client.lookup(apiKey.id);
    expect(stored).toMatchObject({
      id: apiKey.id,
      scopes: ['sales:read'],
      owner: { userId: ADMIN.userId, roles: ADMIN.roles },
      revoked: false,
    });
    expect(await client.lookup('0123456789abcdef')).toBeUndefined();

    const verify = createApiKeyVerifier({
      lookup: client.lookup,
      verdicts: createApiKeyVerdicts<StoredApiKey | null>({ ttlMs: 0 }),
      pepper: DEV_API_KEY_PEPPER,
    });
    await expect(verify(secret)).resolves.toMatchObject({
      apiKeyId: apiKey.id,
      viewer: { userId: ADMIN.userId, roles: ['exec'], scopes: ['sales:read'] },
    });
    await expect(verify(`${secret.slice(0, -4)}AAAA`)).rejects.toThrow(ApiKeyRefused);

    // A use is recorded once, then not again within the minute.
    expect(await lastUsed(apiKey.id)).toBeNull();
    client.used(apiKey.id);
    let first: string | null = null;
    while (!(first = await lastUsed(apiKey.id))) await new Promise((resolve) => setTimeout(resolve, 20));
    client.used(apiKey.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await lastUsed(apiKey.id)).toBe(first);
  });

  it('shares one lookup among concurrent requests for a key, and caps lookups in flight', async () => {
    const lookups = async () => {
      const text = await (await fetch(project.url.replace('/graphql', '/metrics'))).text();
      return [
        ...text.matchAll(
          /^sophia_http_requests_total\{[^}]*route="\/internal\/api-keys\/lookup"[^}]*\} (\d+)/gm,
        ),
      ]
        .map((match) => Number(match[1]))
        .reduce((sum, count) => sum + count, 0);
    };
    const before = await lookups();
    await Promise.all(Array.from({ length: 20 }, () => client.lookup('00000000000000aa')));
    expect((await lookups()) - before).toBe(1);

    // A flood of made-up ids: at most 32 reach the store at once; the rest are answered 503 at once.
    const flood = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => client.lookup(i.toString(16).padStart(16, '0'))),
    );
    const refused = flood.filter((result) => result.status === 'rejected');
    expect(flood.length - refused.length).toBe(32);
    for (const result of refused)
      expect((result as PromiseRejectedResult).reason).toMatchObject({ status: 503 });
  });

  it('answers 503 when the store cannot be asked, and never takes that for a refusal', async () => {
    for (const unreachable of [undefined, 'http://127.0.0.1:9/graphql']) {
      base = unreachable;
      const error = await client.lookup('0123456789abcdef').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ status: 503, code: 'DOWNSTREAM_SERVICE_ERROR' });
    }
    base = project.url;
  });
});
