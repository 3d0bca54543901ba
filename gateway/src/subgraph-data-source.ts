import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { Agent } from 'undici';
import {
  DEADLINE_HEADER,
  REQUEST_ID_HEADER,
  VIEWER_HEADER,
  wholeFetch,
  type WholeFetchInit,
} from '@sophia/kit';
import type { GatewayContext } from './context.ts';
import { subgraphBudgetMs } from './resilience/subgraph-deadline.ts';
import { classifyFailure, SubgraphFailure } from './resilience/subgraph-failure.ts';
import type { SubgraphResilience } from './resilience/subgraph-resilience.ts';

/** Keep-alive connections to subgraphs: a known 2.x slowdown came from opening one per fetch. */
const keepAliveAgent = new Agent({
  keepAliveTimeout: 30_000,
  keepAliveMaxTimeout: 120_000,
  connections: 128,
});

/** A shared response copied for one more request: the gateway merges later fetches into its objects. */
export function copyResponse(response: GatewayGraphQLResponse): GatewayGraphQLResponse {
  const { http, ...body } = response;
  return { ...structuredClone(body), ...(http ? { http } : {}) };
}

const isMutation = (query: string | undefined) => /^\s*mutation\b/.test(query ?? '');

/**
 * Forwards the signed viewer and the request id to a subgraph, bounds each call with the subgraph's
 * timeout, and turns transport failures into DOWNSTREAM_SERVICE_ERROR naming the subgraph. With
 * `resilience`, each fetch goes through the subgraph's breaker, and queries are retried and shared.
 *
 * Each call also carries its deadline (`x-sophia-timeout-ms`, a little shorter than the timeout), and the
 * gateway aborts the fetch when the timeout passes, which closes the connection: the subgraph then rolls
 * back a mutation that has not committed yet, so a write the caller was told timed out is not applied later.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly budgetMs: number;

  constructor(
    readonly serviceName: string,
    url: string,
    timeoutMs: number,
    private readonly resilience?: SubgraphResilience<GatewayGraphQLResponse>,
  ) {
    // A small JSON POST read whole: `wholeFetch` skips what WHATWG fetch builds around each call.
    const fetcher = ((input: string, init: WholeFetchInit) =>
      wholeFetch(input, {
        ...init,
        dispatcher: keepAliveAgent,
        signal: AbortSignal.timeout(timeoutMs),
      })) as unknown as RemoteGraphQLDataSource['fetcher'];
    super({ url, fetcher });
    this.budgetMs = subgraphBudgetMs(timeoutMs);
  }

  override process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    // Only the fetches of incoming operations: health checks and schema loads go straight through.
    if (!this.resilience || !('incomingRequestContext' in options)) {
      return super.process(options);
    }
    const { query, variables } = options.request;
    const isQuery = !isMutation(query);
    const key = isQuery ? JSON.stringify([options.context.viewer ?? null, query, variables ?? null]) : '';
    return this.resilience.fetch({ isQuery, key }, () => super.process(options));
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    // Health checks and schema loads run without a request context: they carry no viewer at all.
    if (!context?.viewerToken) return;
    request.http?.headers.set(VIEWER_HEADER, await context.viewerToken());
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    // Set before the fetch starts its timer: the subgraph's deadline never falls after the gateway's.
    request.http?.headers.set(DEADLINE_HEADER, String(this.budgetMs));
  }

  override didEncounterError(error: Error): never {
    const { retryable, unhealthy } = classifyFailure(error);
    if (error instanceof GraphQLError && error.extensions['code']) {
      // The subgraph's own refusal (401, 403): its code, without the raw response it came in.
      const { response: _response, ...extensions } = error.extensions;
      throw new SubgraphFailure(error.message, this.serviceName, retryable, unhealthy, extensions);
    }
    const reason =
      error.name === 'TimeoutError' ? 'did not answer in time' : `is unavailable (${describe(error)})`;
    throw new SubgraphFailure(
      `The ${this.serviceName} service ${reason}.`,
      this.serviceName,
      retryable,
      unhealthy,
    );
  }
}

function describe(error: Error): string {
  const { cause, code } = error as { cause?: { code?: string }; code?: string };
  return cause?.code ?? code ?? error.message;
}
