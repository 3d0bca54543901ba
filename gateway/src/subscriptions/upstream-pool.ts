import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { SubscriptionMetrics } from './subscription-metrics.ts';

/** A subgraph that accepts the TCP connection but never acknowledges graphql-ws is treated as unavailable. */
const ACK_TIMEOUT_MS = 10_000;

export interface UpstreamPoolOptions {
  /** `connection_init` payload for each new socket: the signed viewer, fresh at every connect. */
  readonly connectionParams: () => Promise<Record<string, unknown>>;
  /**
   * How long a socket stays open after its last subscription ends, for the client's next one (a chat client
   * subscribes once per reply). 0: it closes with its last subscription.
   */
  readonly idleMs: number;
  readonly metrics: SubscriptionMetrics;
}

/**
 * The graphql-ws sockets from one client socket to the subgraphs, one per subgraph URL: every subscription the
 * client runs on a subgraph shares that socket (graphql-ws multiplexes). A socket opens with its first
 * subscription and closes `idleMs` after its last, or with the pool. No retries: a lost subgraph must reach
 * the client as an error.
 *
 * A pool belongs to one client socket and is disposed when that socket closes, however it closes. That is what
 * keeps an upstream socket honest: the subgraph checks its signed viewer only at the handshake, so it must
 * never serve another client socket, nor outlive its own, which the gateway closes when the client's
 * credentials expire or are revoked. Never share a pool or its clients between client sockets.
 */
export class UpstreamPool {
  private readonly clients = new Map<string, Client>();
  private disposed = false;

  constructor(private readonly options: UpstreamPoolOptions) {}

  client(subgraph: string, url: string): Client {
    // A socket opened now would outlive the client socket: nothing would dispose it.
    if (this.disposed) throw new Error('The client socket has closed.');
    const key = `${subgraph} ${url}`;
    let client = this.clients.get(key);
    if (!client) {
      client = this.open(subgraph, url);
      this.clients.set(key, client);
    }
    return client;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const clients = [...this.clients.values()];
    this.clients.clear();
    // A socket still connecting rejects its dispose; the others must close all the same.
    await Promise.allSettled(clients.map((client) => client.dispose()));
  }

  private open(subgraph: string, url: string): Client {
    const { metrics } = this.options;
    let open = false;
    return createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: true,
      lazyCloseTimeout: this.options.idleMs,
      retryAttempts: 0,
      connectionAckWaitTimeout: ACK_TIMEOUT_MS,
      connectionParams: this.options.connectionParams,
      on: {
        connected: () => {
          open = true;
          metrics.upstreamSockets.inc({ subgraph });
          metrics.upstreamSocketsOpened.inc({ subgraph });
        },
        closed: () => {
          if (open) metrics.upstreamSockets.dec({ subgraph });
          open = false;
        },
      },
    });
  }
}
