import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCostModel {
  /** Paid once per request, like a GPU kernel launch and transfer. */
  readonly overheadMs: number;
  /** Paid per input. */
  readonly perItemMs: number;
}

export interface FakeEmbeddingServerOptions {
  /** @default 768 */
  readonly dimension?: number;
  /** When set, requests are served one at a time and each takes `overheadMs + n * perItemMs`, like one GPU. */
  readonly cost?: FakeCostModel;
}

/** What every fake embedding server records and lets a test control. */
export interface FakeEmbeddingServer extends AsyncDisposable {
  readonly url: string;
  /** Embedding requests received (including refused and failed ones). */
  readonly calls: number;
  /** Inputs per embedding request, in arrival order. */
  readonly batchSizes: readonly number[];
  /** Answers the next `times` embedding requests with `status` (e.g. 503) instead of serving them. */
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

export type EmbedRoute = (
  body: unknown,
  request: IncomingMessage,
) => { status: number; body: unknown; size: number };

/**
 * The HTTP plumbing the fakes share: port 0, JSON in and out, counting, scripted failures and a cost model.
 * `route` speaks the protocol; everything else here is the same for every fake.
 */
export async function startFakeEmbeddingServer(
  embedPath: string,
  options: FakeEmbeddingServerOptions,
  route: EmbedRoute,
  extra: Record<string, (response: ServerResponse) => void> = {},
): Promise<FakeEmbeddingServer> {
  let calls = 0;
  const batchSizes: number[] = [];
  const failures: number[] = [];
  let gpu = Promise.resolve();

  const server = createServer((request, response) => {
    void (async () => {
      const path = request.url ?? '/';
      if (request.method === 'GET' && extra[path]) return extra[path](response);
      if (request.method !== 'POST' || path !== embedPath) return send(response, 404, { error: 'Not Found' });
      calls += 1;
      const raw = await readBody(request);
      const failure = failures.shift();
      if (failure !== undefined)
        return send(response, failure, { error: 'scripted failure', error_type: 'Overloaded' });
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return send(response, 400, { error: 'invalid JSON' });
      }
      const answer = route(body, request);
      batchSizes.push(answer.size);
      if (options.cost && answer.status === 200) {
        const { overheadMs, perItemMs } = options.cost;
        const turn = gpu.then(() => delay(overheadMs + answer.size * perItemMs));
        gpu = turn;
        await turn;
      }
      if (!response.destroyed) send(response, answer.status, answer.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return {
    url: `http://127.0.0.1:${port}`,
    get calls() {
      return calls;
    },
    batchSizes,
    failNext(status, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push(status);
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** A deterministic unit vector for `text`; the fakes' "model". */
export function fakeVector(text: string, dimension: number): number[] {
  let seed = 2166136261;
  for (let i = 0; i < text.length; i += 1) seed = Math.imul(seed ^ text.charCodeAt(i), 16777619);
  // Independent pseudo-random components (mulberry32): as with real embeddings of unrelated texts, two
  // different texts get nearly orthogonal vectors, so none look like near-duplicates of each other.
  let state = seed >>> 0;
  const vector = Array.from({ length: dimension }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  });
  const norm = Math.hypot(...vector);
  return vector.map((x) => x / norm);
}

export function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
