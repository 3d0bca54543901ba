import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { ErrorCode } from '@sophia/kit';
import type { GatewayContext } from '../context.ts';
import type { IdempotencyStore } from './idempotency-store.ts';

/** The header a client sets on a mutation it may send again (Stripe's and the IETF draft's name). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on an answer replayed for a retry. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
/** 1 to 255 visible ASCII characters: a UUID fits, a document does not. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on mutations: the first request with a key runs and, when it succeeds, its answer is kept
 * for a day; a retry with the same key and the same request gets that answer again (`Idempotent-Replayed:
 * true`) instead of running twice. Keys are per caller (user or API key). A failed run frees its key, so a
 * retry runs again: a mutation that timed out was rolled back by its subgraph's deadline (SECURITY.md).
 * The same key with a different request, or while its first run is still going, is refused with CONFLICT.
 */
export function useIdempotencyKeys(store: IdempotencyStore): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const header = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      const userId = contextValue.viewer.userId;
      if (header === undefined || userId === undefined) return undefined;
      let claimed: { key: string; fingerprint: string } | undefined;
      return {
        async responseForOperation({ operation }) {
          if (operation.operation !== 'mutation') return null;
          if (!KEY.test(header)) {
            return refusal(
              400,
              'BAD_USER_INPUT',
              'Idempotency-Key must be 1 to 255 visible ASCII characters.',
            );
          }
          const caller = contextValue.apiKeyId ? `key:${contextValue.apiKeyId}` : `user:${userId}`;
          const key = `${caller}:${header}`;
          const fingerprint = createHash('sha256')
            .update(
              JSON.stringify([request.query ?? null, request.operationName ?? null, request.variables ?? {}]),
            )
            .digest('base64url');
          const found = await store.claim(key, fingerprint);
          if (found === 'claimed') {
            claimed = { key, fingerprint };
            return null;
          }
          if (found.fingerprint !== fingerprint) {
            return refusal(409, 'CONFLICT', 'This Idempotency-Key was already used for a different request.');
          }
          if (found.state === 'running') {
            return refusal(
              409,
              'CONFLICT',
              'A request with this Idempotency-Key is still running; retry later.',
            );
          }
          return replay(found.response);
        },
        async willSendResponse({ response }) {
          if (!claimed) return;
          const { body } = response;
          if (body.kind === 'single' && !body.singleResult.errors?.length) {
            await store.complete(claimed.key, claimed.fingerprint, JSON.stringify(body.singleResult));
          } else {
            await store.release(claimed.key);
          }
        },
      };
    },
  };
}

function replay(response: string): GraphQLResponse {
  const headers = new HeaderMap([[IDEMPOTENT_REPLAYED_HEADER, 'true']]);
  return {
    http: { headers },
    body: { kind: 'single', singleResult: JSON.parse(response) },
  };
}

function refusal(status: number, code: ErrorCode, message: string): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code } }] } },
  };
}
