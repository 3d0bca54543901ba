import { McpConnection, type FetchLike } from './mcp-connection.ts';

export interface McpConnectionPoolOptions {
  /** A connection unused this long is closed. @default 60 000 */
  readonly idleMs?: number;
}

/**
 * MCP connections kept between replies, one per server and viewer: opening one costs an `initialize`
 * round trip and a notification, which a reply should not pay each time. The MCP client multiplexes
 * requests, so one viewer's concurrent replies share a connection.
 */
export class McpConnectionPool {
  private readonly entries = new Map<string, { connection: McpConnection; usedAt: number }>();
  private readonly idleMs: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(options: McpConnectionPoolOptions = {}) {
    this.idleMs = options.idleMs ?? 60_000;
    this.sweeper = setInterval(() => this.sweep(), Math.max(1_000, this.idleMs / 2));
    this.sweeper.unref();
  }

  /** The connection for `key` (server and viewer), opened with `url` and `fetch` when there is none. */
  get(key: string, url: string, fetch: () => FetchLike): McpConnection {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { connection: new McpConnection(url, fetch()), usedAt: Date.now() };
      this.entries.set(key, entry);
    }
    entry.usedAt = Date.now();
    return entry.connection;
  }

  /** Closes and forgets the connection for `key` (it failed; the next reply opens a new one). */
  evict(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    void entry.connection.close();
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    const connections = [...this.entries.values()].map((entry) => entry.connection);
    this.entries.clear();
    await Promise.all(connections.map((connection) => connection.close()));
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (now - entry.usedAt > this.idleMs) this.evict(key);
    }
  }
}
