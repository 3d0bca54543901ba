import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { Agent, fetch as undiciFetch } from 'undici';
import { REQUEST_ID_HEADER, VIEWER_HEADER } from '@sophia/kit';
import type { GatewayContext } from './context.ts';

/** Keep-alive connections to subgraphs: a known 2.x slowdown came from opening one per fetch. */
const keepAliveAgent = new Agent({
  keepAliveTimeout: 30_000,
  keepAliveMaxTimeout: 120_000,
  connections: 128,
});

/**
 * Forwards the signed viewer and the request id to a subgraph, bounds each call with the subgraph's
 * timeout, and turns transport failures into DOWNSTREAM_SERVICE_ERROR naming the subgraph.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly serviceName: string,
    url: string,
    timeoutMs: number,
  ) {
    const fetcher = ((input: string, init?: Record<string, unknown>) =>
      undiciFetch(input, {
        ...init,
        dispatcher: keepAliveAgent,
        signal: AbortSignal.timeout(timeoutMs),
      } as Parameters<typeof undiciFetch>[1])) as unknown as RemoteGraphQLDataSource['fetcher'];
    super({ url, fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    // Health checks and schema loads run without a request context: they carry no viewer at all.
    if (!context?.viewerToken) return;
    request.http?.headers.set(VIEWER_HEADER, await context.viewerToken());
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  override didEncounterError(error: Error): never {
    if (error instanceof GraphQLError && error.extensions['code']) {
      throw new GraphQLError(error.message, {
        extensions: { ...error.extensions, serviceName: this.serviceName },
      });
    }
    const reason =
      error.name === 'TimeoutError' ? 'did not answer in time' : `is unavailable (${describe(error)})`;
    throw new GraphQLError(`The ${this.serviceName} service ${reason}.`, {
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: this.serviceName },
    });
  }
}

function describe(error: Error): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? error.message;
}
