import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import {
  ANONYMOUS,
  isViewerToken,
  VerifiedTokens,
  verifyViewerToken,
  ViewerTokenError,
  type Viewer,
} from '@sophia/kit';
import { DEV_JWT_SECRET, type GatewayConfig } from '../env.ts';

export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}

export type Authenticator = (authorization: string | undefined) => Promise<Viewer>;

/**
 * Verifies the caller once at the edge. No credentials → the anonymous viewer (each subgraph decides what
 * that may see); credentials present but invalid → AuthenticationError (the request is refused).
 *
 * Besides user tokens it accepts the internal viewer token the gateway itself signs for subgraphs (HS256 with
 * INTERNAL_TOKEN_SECRET, 60 s), so a subgraph can call back into `/graphql` or `/mcp` as the viewer it is
 * serving (the chat pipeline runs its tools that way). This grants nothing new: only the gateway and the
 * subgraphs hold that secret, the token names a viewer the gateway already verified, and a subgraph holding
 * it could already read every other subgraph as that viewer directly.
 */
export function createAuthenticator(config: GatewayConfig): Authenticator {
  const key: Uint8Array | JWTVerifyGetKey = config.JWKS_URL
    ? createRemoteJWKSet(new URL(config.JWKS_URL))
    : new TextEncoder().encode(config.JWT_SECRET ?? DEV_JWT_SECRET);
  const options = {
    ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}),
    ...(config.JWT_AUDIENCE ? { audience: config.JWT_AUDIENCE } : {}),
    algorithms: config.JWKS_URL ? ['RS256', 'ES256'] : ['HS256'],
  };
  const verifiedUsers = new VerifiedTokens<Viewer>();
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new AuthenticationError('Authorization must be "Bearer <token>".');
    const token = match[1];
    if (isViewerToken(token)) {
      const internal = await internalViewer(token, config.INTERNAL_TOKEN_SECRET);
      if (internal) return internal;
    }
    const known = verifiedUsers.get(token);
    if (known) return known;
    try {
      const { payload } = await (typeof key === 'function'
        ? jwtVerify(token, key, options)
        : jwtVerify(token, key, options));
      if (!payload.sub) throw new AuthenticationError('Token has no subject.');
      const viewer: Viewer = Object.freeze({
        userId: payload.sub,
        roles: stringList(payload['roles']),
        scopes: stringList(payload['scopes'] ?? payload['scope']),
      });
      verifiedUsers.set(token, viewer, payload.exp);
      return viewer;
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Invalid token: ${(error as Error).message}`);
    }
  };
}

/**
 * The viewer of a gateway-signed internal token; undefined when the token is not one (it is then checked as a
 * user token). One that is genuine but expired is refused here, with the reason.
 */
async function internalViewer(token: string, secret: string): Promise<Viewer | undefined> {
  try {
    return await verifyViewerToken(token, secret);
  } catch (error) {
    if (error instanceof ViewerTokenError && error.reason === 'EXPIRED') {
      throw new AuthenticationError('Invalid token: the internal viewer token has expired.');
    }
    return undefined;
  }
}

/** Claims may be arrays or OAuth-style space-separated strings. */
function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
