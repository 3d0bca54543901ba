import {
  API_KEY_LOOKUP_PATH,
  API_KEY_USED_PATH,
  HttpError,
  readJsonBody,
  requireServiceCaller,
  sendJson,
  verifyKeyLookupToken,
  type ApiKeyRecord,
  type RouteHandler,
  type SecretsInput,
} from '@sophia/kit';
import type { ApiKeyStore } from '../store/api-keys-store.ts';

const KEY_ID = /^[0-9a-f]{16}$/;

/**
 * The gateway's internal routes into the key store. Only a `key-lookup` token (signed by the gateway from
 * INTERNAL_TOKEN_SECRET, see internal-tokens.ts) opens them: a viewer's token, a delegated token or a key
 * is refused with 401, so no caller of the API can read a key's hash or owner, nor move its last use.
 */
export function createKeyLookupRoutes(options: {
  store: ApiKeyStore;
  internalTokenSecret: SecretsInput;
  now?: () => number;
}): Record<string, RouteHandler> {
  const { store, internalTokenSecret, now = Date.now } = options;
  const keyIdOf = async (req: Parameters<RouteHandler>[0]): Promise<string> => {
    if (req.method !== 'POST') throw new HttpError(405, 'BAD_USER_INPUT', 'POST only.');
    await requireServiceCaller(
      req,
      (token) => verifyKeyLookupToken(token, internalTokenSecret),
      'This route answers the Sophia gateway only.',
    );
    const body = await readJsonBody(req, 1_024);
    const id = (body as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !KEY_ID.test(id)) {
      throw new HttpError(400, 'BAD_USER_INPUT', 'Send {"id": "<16 hex digits>"}.');
    }
    return id;
  };
  return {
    [API_KEY_LOOKUP_PATH]: async (req, res) => {
      const key = await store.byId(await keyIdOf(req));
      const record: ApiKeyRecord | null = key
        ? {
            id: key.id,
            hash: key.hash,
            scopes: key.scopes,
            ownerId: key.ownerId,
            ownerRoles: key.ownerRoles,
            expiresAt: key.expiresAt,
            revoked: key.revokedAt !== null,
          }
        : null;
      sendJson(res, 200, { key: record });
    },
    [API_KEY_USED_PATH]: async (req, res) => {
      await store.touch(await keyIdOf(req), now());
      sendJson(res, 200, { ok: true });
    },
  };
}
