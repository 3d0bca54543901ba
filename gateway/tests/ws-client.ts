import { createClient, type Client, type FormattedExecutionResult, type SubscribePayload } from 'graphql-ws';
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';

/**
 * A graphql-ws client for tests: no retries (a refused or lost socket must show). It connects on first use and
 * closes its socket with its last operation; `held` connects at once and keeps the socket until disposed, as
 * a client running one subscription after another on one socket does.
 */
export function connect(
  httpUrl: string,
  connectionParams?: Record<string, unknown>,
  { held = false }: { held?: boolean } = {},
): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    // A held socket closed by the server ends its operations with the close event; nothing more to report.
    ...(held ? { lazy: false, onNonLazyError: () => {} } : {}),
    ...(connectionParams ? { connectionParams } : {}),
  });
}

/** How an operation ended: completed, with the errors of an `error` message, or with its socket. */
export type Ending =
  | { readonly kind: 'completed' }
  | { readonly kind: 'errors'; readonly errors: readonly GraphQLFormattedError[] }
  | { readonly kind: 'socket'; readonly code: number | undefined };

export interface Recording<TData> {
  readonly results: FormattedExecutionResult<TData, unknown>[];
  /** Resolves once `count` results have arrived; rejects with the ending if the operation ends first. */
  received(count: number): Promise<FormattedExecutionResult<TData, unknown>[]>;
  readonly ended: Promise<Ending>;
  /** Completes the operation from the client's side. */
  stop(): void;
}

/** Subscribes (or runs a query) and records every result in order. */
export function record<TData = Record<string, any>>(
  client: Client,
  payload: SubscribePayload,
): Recording<TData> {
  const results: FormattedExecutionResult<TData, unknown>[] = [];
  const waiters: Array<{ count: number; resolve: () => void; reject: (ending: Ending) => void }> = [];
  let finish: (ending: Ending) => void = () => {};
  const ended = new Promise<Ending>((resolve) => (finish = resolve));
  const settle = () => {
    for (const waiter of [...waiters]) {
      if (results.length < waiter.count) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const stop = client.subscribe<TData>(payload, {
    next: (result) => {
      results.push(result);
      settle();
    },
    error: (error) => finish(endingOf(error)),
    complete: () => finish({ kind: 'completed' }),
  });
  void ended.then((ending) => {
    for (const waiter of waiters.splice(0)) waiter.reject(ending);
  });
  return {
    results,
    ended,
    stop,
    received: (count) =>
      new Promise((resolve, reject) => {
        waiters.push({ count, resolve: () => resolve(results.slice(0, count)), reject });
        settle();
      }),
  };
}

/** The one result of a query or mutation sent over the socket. */
export async function execute<TData = Record<string, any>>(
  client: Client,
  payload: SubscribePayload,
): Promise<FormattedExecutionResult<TData, unknown>> {
  const recording = record<TData>(client, payload);
  const ending = await recording.ended;
  const [result] = recording.results;
  if (!result) throw new Error(`no result: ${JSON.stringify(ending)}`);
  return result;
}

/** The close code the server ends a socket with after `connection_init` with these params. */
export function closeCodeOf(httpUrl: string, connectionParams?: Record<string, unknown>): Promise<number> {
  return new Promise((resolve) => {
    const client = createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      ...(connectionParams ? { connectionParams } : {}),
      on: { closed: (event) => resolve((event as { code: number }).code) },
    });
    client.subscribe({ query: '{ __typename }' }, { next() {}, error() {}, complete() {} });
  });
}

function endingOf(error: unknown): Ending {
  if (Array.isArray(error)) return { kind: 'errors', errors: error as GraphQLFormattedError[] };
  const code = (error as { code?: unknown } | undefined)?.code;
  return { kind: 'socket', code: typeof code === 'number' ? code : undefined };
}
