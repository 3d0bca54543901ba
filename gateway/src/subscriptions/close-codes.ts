import { CloseCode } from 'graphql-ws';

/**
 * How the gateway's graphql-ws endpoint closes a socket, beyond the protocol's own codes (4400 bad message,
 * 4408 no `connection_init` within 3 s, 4409 duplicate operation id, 4429 second `connection_init`, 4500
 * internal error). Documented in the README; clients branch on these numbers.
 */
export const CLOSE_CODES = {
  /** `connection_init` carried no credentials. graphql-ws clients do not retry: sign in first. */
  UNAUTHORIZED: CloseCode.Unauthorized,
  /**
   * The credentials were malformed, forged or expired — at the handshake, or later, when the token expires or
   * the API key is revoked while the socket is open. graphql-ws clients retry; send a fresh token.
   */
  FORBIDDEN: CloseCode.Forbidden,
  /**
   * A subscription had more events waiting than SUBSCRIPTION_BUFFER_EVENTS: the client reads too slowly. Every
   * operation on the socket ends; graphql-ws clients reconnect and subscribe again.
   */
  SLOW_CONSUMER: 4413,
  /**
   * The viewer already holds WS_MAX_SOCKETS_PER_VIEWER sockets on this gateway: close one first. graphql-ws
   * uses the same number for a repeated `connection_init`, and its clients do not retry it either.
   */
  TOO_MANY_SOCKETS: 4429,
} as const;
