import { STATUS_CODES } from 'node:http';
import { request, type Dispatcher } from 'undici';

/** What callers read of a response: a fetch `Response`'s shape, its body already read whole. */
export interface WholeResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface WholeFetchInit {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Gives up the call, body included. */
  readonly signal?: AbortSignal;
  /** Connections to reuse (keep-alive); undici's global one otherwise. */
  readonly dispatcher?: Dispatcher;
}

/** The few header names a response is asked for, looked up in undici's lower-cased header object. */
function headersOf(raw: Record<string, string | string[] | undefined>): WholeResponse['headers'] {
  return {
    get: (name) => {
      const value = raw[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/**
 * A fetch for the calls between Sophia's own services — a small JSON POST whose answer is read whole — over
 * undici's `request` rather than its WHATWG `fetch`. The Request, Headers, Response and web streams `fetch`
 * makes for every call were the largest single cost of the gateway's CPU under load, and a large one of
 * chat's (profiles of `npm run bench:chat`). A refused connection rejects with the socket error's `code`, an
 * aborted signal with its reason (a `TimeoutError` for `AbortSignal.timeout`), as `fetch` would.
 */
export async function wholeFetch(url: string, init: WholeFetchInit = {}): Promise<WholeResponse> {
  const response = await request(url, {
    method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
    ...(init.headers ? { headers: { ...init.headers } } : {}),
    ...(init.body !== undefined ? { body: init.body } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
    ...(init.dispatcher ? { dispatcher: init.dispatcher } : {}),
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
