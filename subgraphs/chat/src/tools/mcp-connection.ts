import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

/** A tool an MCP server offers. */
export interface McpTool {
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the arguments. */
  readonly inputSchema: Record<string, unknown>;
}

export interface McpCallResult {
  readonly isError: boolean;
  readonly structuredContent: Record<string, unknown> | undefined;
  /** The text parts of `content`, joined. */
  readonly text: string;
}

/** One MCP server over Streamable HTTP, connected on first use and reused for the rest of a reply. */
export class McpConnection {
  private client: Promise<Client> | undefined;

  constructor(
    readonly url: string,
    private readonly fetch: FetchLike,
  ) {}

  async listTools(signal?: AbortSignal): Promise<McpTool[]> {
    const client = await this.connect();
    const { tools } = await client.listTools(undefined, signal ? { signal } : {});
    return tools.map((tool) => ({
      name: tool.name,
      description: tool.description ?? '',
      inputSchema: tool.inputSchema as Record<string, unknown>,
    }));
  }

  async callTool(
    name: string,
    args: Readonly<Record<string, unknown>>,
    options: { signal?: AbortSignal; timeoutMs: number },
  ): Promise<McpCallResult> {
    const client = await this.connect();
    const result = await client.callTool({ name, arguments: { ...args } }, undefined, {
      timeout: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const content = Array.isArray(result.content) ? (result.content as Array<Record<string, unknown>>) : [];
    return {
      isError: result.isError === true,
      structuredContent: result.structuredContent as Record<string, unknown> | undefined,
      text: content
        .flatMap((part) =>
          part['type'] === 'text' && typeof part['text'] === 'string' ? [part['text']] : [],
        )
        .join('\n'),
    };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.then((c) => c.close()).catch(() => undefined);
  }

  private connect(): Promise<Client> {
    if (!this.client) {
      const client = new Client({ name: 'sophia-chat', version: '1.0.0' });
      const transport = new StreamableHTTPClientTransport(new URL(this.url), { fetch: this.fetch });
      this.client = client.connect(transport).then(() => client);
      // A failed connection is not cached: the next call tries again.
      this.client.catch(() => (this.client = undefined));
    }
    return this.client;
  }
}
