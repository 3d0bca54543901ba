import { GraphQLError } from 'graphql';

/**
 * Sophia's error catalogue. Every error a client can see carries one of these codes in
 * `extensions.code`; clients branch on the code, never on the message.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: 'No valid credentials: sign in, or send a valid bearer token.',
  FORBIDDEN: 'The viewer is signed in but may not see or change this.',
  NOT_FOUND: 'Nothing with that id exists for this viewer.',
  BAD_USER_INPUT: 'An argument is malformed or out of range; the message says which.',
  CONFLICT: 'The change collides with the current state; reload and retry.',
  RATE_LIMITED: 'Too many requests; retry after the advertised delay.',
  OPERATION_TOO_COMPLEX:
    'The operation is over a limit (depth, aliases, directives, tokens, cost or batch size).',
  PAYLOAD_TOO_LARGE: 'The request body or WebSocket frame is larger than the gateway accepts.',
  PERSISTED_QUERY_NOT_ALLOWED: 'Only registered operations may run here; send a registered one or its hash.',
  INTERNAL_SERVER_ERROR: 'An unexpected failure; it was logged with the request id.',
  DOWNSTREAM_SERVICE_ERROR: 'A subgraph or upstream service failed or could not be reached.',
  DEADLINE_EXCEEDED: 'The request ran out of time before its change was saved; nothing was changed.',
  SUBSCRIPTION_SCHEMA_RELOAD: 'The API changed while the subscription was live; it ended: subscribe again.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** A GraphQL error with a catalogue code, safe to show to the client as is. */
export class SophiaError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'SophiaError';
  }
}

export const badUserInput = (message: string, argument?: string): SophiaError =>
  new SophiaError('BAD_USER_INPUT', message, argument ? { argument } : {});

export const notFound = (what: string, id: string): SophiaError =>
  new SophiaError('NOT_FOUND', `${what} ${JSON.stringify(id)} was not found.`, { id });

export const unauthenticated = (message = 'Sign in to see this.'): SophiaError =>
  new SophiaError('UNAUTHENTICATED', message);

export const forbidden = (message = 'You may not see this.'): SophiaError =>
  new SophiaError('FORBIDDEN', message);
