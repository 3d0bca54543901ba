import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { SubscriptionMetrics } from './subscription-metrics.ts';

/** A subgraph that accepts the TCP connection but never acknowledges graphql-ws is treated as unavailable. */
const ACK_TIMEOUT_MS = 10_000;

export interface UpstreamPoolOptions {
  /** `connection_init` payload for each new socket: the signed viewer, fresh at every connect. */
  readonly connectionParams: () => Promise<Record<string, unknown>>;
  readonly metrics: SubscriptionMetrics;
}

/**
 * The graphql-ws sockets from one client socket to the subgraphs, one per subgraph URL: every subscription the
 * client runs on a subgraph shares that socket (graphql-ws multiplexes). A socket opens with its first
 * subscription and closes with its last. No retries: a lost subgraph must reach the client as an error.
 */
export class UpstreamPool {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly options: UpstreamPoolOptions) {}

  client(subgraph: string, url: string): Client {
    const key = `${subgraph} ${url}`;
    let client = this.clients.get(key);
    if (!client) {
      client = this.open(subgraph, url);
      this.clients.set(key, client);
    }
    return client;
  }

  async dispose(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(clients.map((client) => client.dispose()));
  }

  private open(subgraph: string, url: string): Client {
    const { metrics } = this.options;
    let open = false;
    return createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: true,
      lazyCloseTimeout: 0,
      retryAttempts: 0,
      connectionAckWaitTimeout: ACK_TIMEOUT_MS,
      connectionParams: this.options.connectionParams,
      on: {
        connected: () => {
          open = true;
          metrics.upstreamSockets.inc({ subgraph });
        },
        closed: () => {
          if (open) metrics.upstreamSockets.dec({ subgraph });
          open = false;
        },
      },
    });
  }
}
