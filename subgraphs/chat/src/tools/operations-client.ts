import { wholeFetch } from '@sophia/kit';
import type { RequestGate, RequestPriority } from './request-gate.ts';

/** The gateway's answer to one call: the GraphQL result of its operation (`/mcp`'s structured content). */
export interface OperationResult {
  readonly data?: unknown;
  readonly errors?: ReadonlyArray<{ readonly message?: unknown; readonly extensions?: { code?: unknown } }>;
}

/** The gateway refused the whole request (401, 413, 429, ...): its catalogue code and message. */
export class OperationsRefusedError extends Error {
  override name = 'OperationsRefusedError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the gateway takes in one request (its MAX_OPERATION_CALLS). */
const MAX_CALLS = 16;

interface Pending {
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly priority: RequestPriority;
  resolve(result: OperationResult): void;
  reject(error: unknown): void;
}

export interface OperationsClientOptions {
  /** The gateway's `/operations` URL. */
  readonly url: string;
  /** The `authorization` header of every request: the viewer's delegated token. */
  readonly authorization: () => Promise<string>;
  /** Time one request may take. */
  readonly timeoutMs: number;
  /** Aborts requests in flight (the reply was cancelled). */
  readonly signal?: AbortSignal;
  /** Bounds this process's requests in flight to the gateway; each request holds one slot. */
  readonly gate?: RequestGate;
}

/**
 * The gateway's operations called by name over `POST /operations` (plain JSON, no MCP session), for one
 * reply and so one viewer. Calls made in the same turn of the event loop — the independent ones an answer
 * starts together — travel in one request and run side by side at the gateway.
 */
export class OperationsClient {
  private queue: Pending[] = [];

  constructor(private readonly options: OperationsClientOptions) {}

  call(
    name: string,
    args: Readonly<Record<string, unknown>>,
    priority: RequestPriority = 'answer',
  ): Promise<OperationResult> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ name, args, priority, resolve, reject });
    });
  }

  private flush(): void {
    const waiting = this.queue;
    this.queue = [];
    for (let at = 0; at < waiting.length; at += MAX_CALLS) void this.send(waiting.slice(at, at + MAX_CALLS));
  }

  private async send(batch: readonly Pending[]): Promise<void> {
    const { gate, signal } = this.options;
    // A request carrying an answer's call goes first, whatever else travels with it.
    const priority = batch.some((pending) => pending.priority === 'answer') ? 'answer' : 'background';
    try {
      if (gate) await gate.run(() => this.post(batch), priority, signal);
      else await this.post(batch);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }

  private async post(batch: readonly Pending[]): Promise<void> {
    const { url, authorization, timeoutMs, signal } = this.options;
    const timeout = AbortSignal.timeout(timeoutMs);
    // A small JSON POST read whole: `wholeFetch` skips what WHATWG fetch builds around each call.
    const response = await wholeFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await authorization() },
      body: JSON.stringify({ calls: batch.map(({ name, args }) => ({ name, arguments: args })) }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const body = (await response.json().catch(() => ({}))) as {
      results?: OperationResult[];
      errors?: OperationResult['errors'];
    };
    if (!response.ok || !Array.isArray(body.results) || body.results.length !== batch.length) {
      const first = body.errors?.[0];
      const code =
        typeof first?.extensions?.code === 'string' ? first.extensions.code : 'DOWNSTREAM_SERVICE_ERROR';
      const message = typeof first?.message === 'string' ? first.message : `HTTP ${response.status}`;
      throw new OperationsRefusedError(code, message);
    }
    batch.forEach((pending, index) => pending.resolve(body.results![index]!));
  }
}
