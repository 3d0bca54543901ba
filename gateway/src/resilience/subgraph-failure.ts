import { GraphQLError } from 'graphql';

/** HTTP statuses that mean "try again": the subgraph or a proxy in front of it is briefly unavailable. */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);
/** Socket errors of a subgraph that is restarting or gone; a retry may reach a fresh instance. */
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * A subgraph fetch that failed: `DOWNSTREAM_SERVICE_ERROR` naming the subgraph, as the client sees it, plus
 * what the gateway needs to decide: whether a retry may help, and whether it counts against the breaker.
 */
export class SubgraphFailure extends GraphQLError {
  constructor(
    message: string,
    readonly serviceName: string,
    readonly retryable: boolean,
    /** A failure of the subgraph itself (down, hung, 5xx), not a refusal of this request. */
    readonly unhealthy: boolean,
    extensions: Record<string, unknown> = { code: 'DOWNSTREAM_SERVICE_ERROR' },
  ) {
    super(message, { extensions: { ...extensions, serviceName } });
  }
}

/** What a failed fetch says about the subgraph: transient (retry), unhealthy (count), or neither. */
export function classifyFailure(error: Error): { retryable: boolean; unhealthy: boolean } {
  const status = (error as { extensions?: { response?: { status?: number } } }).extensions?.response?.status;
  if (typeof status === 'number') {
    return { retryable: TRANSIENT_STATUSES.has(status), unhealthy: status >= 500 };
  }
  if (error.name === 'TimeoutError' || error.name === 'AbortError')
    return { retryable: false, unhealthy: true };
  const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  return { retryable: code !== undefined && TRANSIENT_CODES.has(code), unhealthy: true };
}
