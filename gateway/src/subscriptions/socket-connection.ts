import type { Viewer, Logger } from '@sophia/kit';
import type WebSocket from 'ws';
import type { GatewayContext } from '../context.ts';
import type { FederatedSubscription } from './federated-subscription.ts';
import type { UpstreamPool } from './upstream-pool.ts';

/** One authenticated client socket: who it is, its sockets to subgraphs and its live subscriptions. */
export interface SocketConnection {
  /** The request id of the upgrade request; it names the socket in logs and upstream. */
  readonly id: string;
  readonly socket: WebSocket;
  readonly viewer: Viewer;
  /** The API key the socket was opened with, if any. */
  readonly apiKeyId?: string | undefined;
  readonly viewerToken: () => Promise<string>;
  readonly log: Logger;
  readonly upstream: UpstreamPool;
  readonly subscriptions: Set<FederatedSubscription>;
}

/** The context of one operation on the socket: the socket's viewer, its own request id and log fields. */
export function operationContext(
  connection: SocketConnection,
  requestId: string,
  operationName: string | undefined,
): GatewayContext {
  return {
    viewer: connection.viewer,
    apiKeyId: connection.apiKeyId,
    requestId,
    log: connection.log.child({ requestId, operationName: operationName ?? 'anonymous' }),
    viewerToken: connection.viewerToken,
  };
}
