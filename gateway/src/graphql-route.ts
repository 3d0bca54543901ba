import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { getOperationAST, GraphQLError, type DocumentNode } from 'graphql';
import { HttpError, handleGraphQLRequest, readJsonBody, type RouteHandler } from '@sophia/kit';
import { AuthenticationError, type Caller, type CallerAuthenticator } from './auth/authenticate.ts';
import type { GatewayContext } from './context.ts';
import type { GatewayConfig } from './env.ts';
import { tooComplex, type OperationLimiter } from './limits/operation-limits.ts';
import type { Safelist } from './limits/persisted-operations.ts';
import { clientAddressOf, RateLimitedError, sendRateLimited, type RateLimits } from './limits/rate-limits.ts';
import type { SupergraphTracker } from './subscriptions/supergraph-tracker.ts';

export interface GraphQLRouteOptions {
  readonly apollo: ApolloServer<GatewayContext>;
  readonly supergraph: SupergraphTracker;
  readonly authenticate: CallerAuthenticator;
  readonly limiter: OperationLimiter;
  /** Refuses documents outside the registered operations (production), see persisted-operations.ts. */
  readonly safelist: Safelist;
  readonly rateLimits: RateLimits;
  readonly contextFor: (caller: Caller, requestId: string) => GatewayContext;
  readonly config: Pick<GatewayConfig, 'MAX_BODY_BYTES' | 'MAX_BATCH' | 'TRUSTED_PROXY_HOPS'>;
}

/** One GraphQL request as it arrives: a JSON object, or one of a batch. */
interface RawOperation {
  readonly query?: unknown;
  readonly variables?: unknown;
  readonly operationName?: unknown;
  readonly extensions?: unknown;
}

/**
 * `/graphql` over HTTP: the caller is verified, the body read within MAX_BODY_BYTES, every operation checked
 * against the limits and its cost charged to the caller's rate budget — all before Apollo Server parses,
 * validates or plans anything. Refusals are HTTP 400 (OPERATION_TOO_COMPLEX), 413 or 429 with Retry-After.
 */
export function createGraphQLRoute(options: GraphQLRouteOptions): RouteHandler {
  const { apollo, supergraph, authenticate, limiter, safelist, rateLimits, contextFor, config } = options;
  return async (req, res, requestId) => {
    const caller = await authenticate(req.headers.authorization).catch((error: unknown) => {
      if (error instanceof AuthenticationError) throw new HttpError(401, 'UNAUTHENTICATED', error.message);
      throw error;
    });
    const body = req.method === 'POST' ? await readJsonBody(req, config.MAX_BODY_BYTES) : undefined;
    const operations = operationsOf(req, body);
    if (operations.length > config.MAX_BATCH) {
      const refusal = tooComplex(`A request may batch at most ${config.MAX_BATCH} operation(s).`, 'batch');
      return sendRefusal(res, 400, refusal);
    }
    let cost = 0;
    const schema = supergraph.current()?.apiSchema;
    for (const operation of operations) {
      if (!schema || typeof operation.query !== 'string') continue; // Apollo Server answers these itself
      const variables = isRecord(operation.variables) ? operation.variables : {};
      const name = typeof operation.operationName === 'string' ? operation.operationName : undefined;
      const checked = limiter.check(schema, operation.query, variables, name);
      if (checked && !('document' in checked)) return sendRefusal(res, 400, checked);
      const unlisted = checked && safelist(checked.document, caller.viewer);
      if (unlisted) return sendRefusal(res, 400, unlisted);
      const malformed = shapeProblem(operation, checked?.document, name);
      if (malformed) return sendRefusal(res, 400, malformed);
      cost += checked?.cost ?? 1;
    }
    const address = clientAddressOf(req, config.TRUSTED_PROXY_HOPS);
    try {
      await rateLimits.consume('graphql', { ...caller, address }, cost);
    } catch (error) {
      if (error instanceof RateLimitedError) return sendRateLimited(res, error);
      throw error;
    }
    const context = contextFor(caller, requestId);
    await handleGraphQLRequest(apollo, req, res, async () => context, { body });
  };
}

/**
 * Mistakes Apollo Server and @apollo/gateway would report as internal errors (HTTP 500): an operation name the
 * document lacks, a subscription over HTTP, a malformed persisted-query extension. Refused here as the
 * client's mistake.
 */
function shapeProblem(
  operation: RawOperation,
  document: DocumentNode | undefined,
  name: string | undefined,
): GraphQLError | undefined {
  const bad = (message: string) =>
    new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  const persisted = isRecord(operation.extensions) ? operation.extensions['persistedQuery'] : undefined;
  if (
    persisted !== undefined &&
    !(isRecord(persisted) && persisted['version'] === 1 && typeof persisted['sha256Hash'] === 'string')
  ) {
    return bad('extensions.persistedQuery must be {"version": 1, "sha256Hash": "<hex>"}.');
  }
  if (!document) return undefined;
  const chosen = getOperationAST(document, name);
  if (!chosen)
    return bad(name ? `The document has no operation named "${name}".` : 'Name the operation to run.');
  if (chosen.operation === 'subscription') return bad('Subscriptions run over graphql-ws on this same URL.');
  return undefined;
}

function operationsOf(req: IncomingMessage, body: unknown): readonly RawOperation[] {
  if (req.method !== 'POST') {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    let variables: unknown;
    try {
      variables = JSON.parse(params.get('variables') ?? '{}');
    } catch {
      variables = {};
    }
    return [
      { query: params.get('query') ?? undefined, variables, operationName: params.get('operationName') },
    ];
  }
  if (Array.isArray(body)) return body.map((entry) => (isRecord(entry) ? entry : {}));
  return isRecord(body) ? [body] : [];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function sendRefusal(res: ServerResponse, status: number, error: GraphQLError): void {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}
