import {
  HttpError,
  requireServiceCaller,
  sendJson,
  verifyDealChangesToken,
  type RouteHandler,
  type SecretsInput,
} from '@sophia/kit';
import { DEAL_CHANGES_PATH } from '@sophia/domain';
import { MAX_DEAL_CHANGES_PER_READ } from './store/deal-changes.ts';
import type { SalesStore } from './store.ts';

/** The largest change number accepted: beyond any real outbox, and exact as a JavaScript number. */
const MAX_CHANGE_NUMBER = Number.MAX_SAFE_INTEGER;

/**
 * `GET /internal/deal-changes?after=N&limit=M`: the outbox after change N, oldest first, for kpi's catch-up.
 * Only a `deal-changes` token (signed from INTERNAL_TOKEN_SECRET, see internal-tokens.ts) opens it: a viewer's
 * token, a delegated token, a key-lookup token or an API key is refused with 401, so no caller of the API
 * reads deal amounts, owners or regions through it. It is not part of the schema, so the gateway never routes
 * to it.
 */
export function createDealChangesRoutes(options: {
  store: SalesStore;
  internalTokenSecret: SecretsInput;
}): Record<string, RouteHandler> {
  const { store, internalTokenSecret } = options;
  return {
    [DEAL_CHANGES_PATH]: async (req, res) => {
      if (req.method !== 'GET') throw new HttpError(405, 'BAD_USER_INPUT', 'GET only.');
      await requireServiceCaller(
        req,
        (token) => verifyDealChangesToken(token, internalTokenSecret),
        'This route answers Sophia services only.',
      );
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const after = wholeNumber(query.get('after'), 'after', 0, MAX_CHANGE_NUMBER);
      const limit = wholeNumber(query.get('limit'), 'limit', 1, MAX_DEAL_CHANGES_PER_READ);
      sendJson(res, 200, { changes: await store.dealChangesAfter(after, limit) });
    },
  };
}

function wholeNumber(text: string | null, name: string, min: number, max: number): number {
  const value = text !== null && /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new HttpError(400, 'BAD_USER_INPUT', `${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}
