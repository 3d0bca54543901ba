import { STATUS_CODES } from 'node:http';
import { Agent, request } from 'undici';

/** Keep-alive connections to subgraphs: a known 2.x slowdown came from opening one per fetch. */
const keepAliveAgent = new Agent({
  keepAliveTimeout: 30_000,
  keepAliveMaxTimeout: 120_000,
  connections: 128,
});

/** What `RemoteGraphQLDataSource` reads of a fetch response (and the gateway of `response.http`). */
export interface SubgraphResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/** The few header names a response is asked for, looked up in undici's lower-cased header object. */
function headersOf(raw: Record<string, string | string[] | undefined>): SubgraphResponse['headers'] {
  return {
    get: (name) => {
      const value = raw[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/**
 * The data sources' fetch, over undici's `request` rather than its WHATWG `fetch`: a subgraph call is a small
 * JSON POST read whole, and `fetch`'s Request, Headers, Response and web streams for each one were the
 * largest single cost of the gateway's CPU under load (a profile of `npm run bench:chat`). The call gives up
 * after `timeoutMs`, body included; a refused connection or a timeout rejects as `fetch` would, with the
 * socket error's `code` or a `TimeoutError`.
 */
export async function fetchSubgraph(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<SubgraphResponse> {
  const response = await request(url, {
    method: (init.method ?? 'POST') as 'POST',
    ...(init.headers ? { headers: init.headers } : {}),
    ...(init.body !== undefined ? { body: init.body } : {}),
    dispatcher: keepAliveAgent,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.body.text();
  const status = response.statusCode;
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: STATUS_CODES[status] ?? '',
    url,
    headers: headersOf(response.headers),
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  };
}
