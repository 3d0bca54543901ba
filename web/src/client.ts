import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';

/** Close codes with which the gateway refuses a socket's credentials (no token, bad token). */
const AUTH_CLOSE_CODES = new Set([4401, 4403]);
const refusedCredentials = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && AUTH_CLOSE_CODES.has((event as { code?: number }).code ?? 0);

/** The `seq` of a subscription event (`{ replyStream: { seq } }`), when it has one. */
function seqOf(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const root = Object.values(data)[0] as { seq?: unknown } | null | undefined;
  return typeof root?.seq === 'number' ? root.seq : undefined;
}

export interface SophiaClient {
  readonly client: Client;
  /** Closes the WebSocket; call when the session ends. */
  dispose(): void;
}

/**
 * The dashboard's one urql client: queries and mutations over HTTP POST to /graphql with the bearer
 * token, subscriptions over graphql-ws on the same path with `{authorization}` in `connection_init`.
 * A 401, an UNAUTHENTICATED error or a socket refused for its credentials calls `onUnauthenticated`
 * (the app then shows the sign-in screen).
 */
export function createSophiaClient(options: {
  token: string;
  onUnauthenticated: () => void;
  /** Base URL of the gateway; default: the page's own origin. */
  origin?: string;
  /** A WebSocket class where the runtime has none (tests on Node 20). */
  webSocketImpl?: unknown;
}): SophiaClient {
  const origin = options.origin ?? window.location.origin;
  const authorization = `Bearer ${options.token}`;
  const ws: WsClient = createWsClient({
    url: `${origin.replace(/^http/, 'ws')}/graphql`,
    connectionParams: { authorization },
    lazy: true,
    // The assistant opens a reply stream per message: the socket stays a while after one ends, so the next
    // reuses it instead of paying a handshake (and the gateway's own socket to chat) for every answer.
    lazyCloseTimeout: 30_000,
    // Reconnect after a dropped connection (subscriptions resume from their cursor), but never with
    // credentials the gateway refused.
    retryAttempts: Infinity,
    shouldRetry: (event) => !refusedCredentials(event),
    on: {
      closed: (event) => {
        if (refusedCredentials(event)) options.onUnauthenticated();
      },
    },
    ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
  });

  const client = new Client({
    url: `${origin}/graphql`,
    fetchOptions: () => ({ headers: { authorization } }),
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError: (error) => {
          const status = (error.response as Response | undefined)?.status;
          const unauthenticated = error.graphQLErrors.some((e) => e.extensions['code'] === 'UNAUTHENTICATED');
          if (status === 401 || unauthenticated) options.onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => {
            // graphql-ws sends this same payload again when it reconnects after a dropped connection. A
            // subscription with an `after` cursor (replyStream) then resumes after the last `seq` it
            // received instead of starting over.
            const variables: Record<string, unknown> = { ...request.variables };
            const payload = { ...request, variables, query: request.query ?? '' };
            return {
              unsubscribe: ws.subscribe(payload, {
                next: (result) => {
                  const seq = 'after' in variables ? seqOf(result.data) : undefined;
                  if (seq !== undefined) variables['after'] = seq;
                  // graphql-ws and urql type the same result slightly differently (optional `data`).
                  sink.next(result as Parameters<typeof sink.next>[0]);
                },
                error: (error) => sink.error(error),
                complete: () => sink.complete(),
              }),
            };
          },
        }),
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}
