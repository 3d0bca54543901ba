import type { WebSocket } from 'ws';
import type { ApiKeys } from '../auth/api-keys/api-keys.ts';
import { AuthenticationError, type CallerAuthenticator } from '../auth/authenticate.ts';
import { CLOSE_CODES } from './close-codes.ts';

/**
 * Keeps sockets opened with an API key honest: each re-checks its key when any replica announces the key
 * revoked (through Redis, at once) and every `recheckMs` besides (so a revocation nobody announced — no
 * Redis, or Redis away — still closes it within the verdict cache's life). A key refused now closes its
 * sockets with 4403; a store that cannot answer closes nothing.
 */
export function watchApiKeySockets(options: {
  apiKeys: Pick<ApiKeys, 'onRevoked' | 'recheckMs'>;
  authenticate: CallerAuthenticator;
}): { watch(socket: WebSocket, apiKeyId: string, authorization: string): void; close(): void } {
  const { apiKeys, authenticate } = options;
  const byKey = new Map<string, Map<WebSocket, () => void>>();
  const recheckAll = (apiKeyId: string) => {
    for (const recheck of byKey.get(apiKeyId)?.values() ?? []) recheck();
  };
  apiKeys.onRevoked(recheckAll);
  const timer = setInterval(() => {
    for (const apiKeyId of byKey.keys()) recheckAll(apiKeyId);
  }, apiKeys.recheckMs);
  timer.unref();

  return {
    watch: (socket, apiKeyId, authorization) => {
      const recheck = () => {
        authenticate(authorization).catch((error: unknown) => {
          if (!(error instanceof AuthenticationError)) return;
          socket.close(CLOSE_CODES.FORBIDDEN, 'Forbidden: the API key was revoked or has expired');
        });
      };
      const sockets = byKey.get(apiKeyId) ?? new Map<WebSocket, () => void>();
      sockets.set(socket, recheck);
      byKey.set(apiKeyId, sockets);
      socket.once('close', () => {
        sockets.delete(socket);
        if (sockets.size === 0) byKey.delete(apiKeyId);
      });
    },
    close: () => clearInterval(timer),
  };
}
