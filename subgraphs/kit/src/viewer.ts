import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { unauthenticated } from './errors.ts';

/** Who is asking. `userId` is null for an anonymous caller that came through the gateway. */
export interface Viewer {
  readonly userId: string | null;
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
}

export interface SignedInViewer extends Viewer {
  readonly userId: string;
}

export const ANONYMOUS: Viewer = Object.freeze({ userId: null, roles: [], scopes: [] });

/** HTTP header the gateway uses to forward the viewer; graphql-ws carries it in `connection_init` instead. */
export const VIEWER_HEADER = 'x-sophia-viewer';
/** Key of the viewer token in the graphql-ws `connection_init` payload from the gateway. */
export const VIEWER_CONNECTION_PARAM = 'sophiaViewer';

const ISSUER = 'sophia-gateway';
const AUDIENCE = 'sophia-subgraph';
/** Short-lived: the token covers one request (or one socket's handshake), never a session. */
export const VIEWER_TOKEN_TTL_SECONDS = 60;

const keyCache = new Map<string, Uint8Array>();
function keyFor(secret: string): Uint8Array {
  let key = keyCache.get(secret);
  if (!key) {
    key = new TextEncoder().encode(secret);
    keyCache.set(secret, key);
  }
  return key;
}

/** Signs the viewer for subgraphs (HS256 with INTERNAL_TOKEN_SECRET). */
export async function signViewerToken(
  viewer: Viewer,
  secret: string,
  ttlSeconds = VIEWER_TOKEN_TTL_SECONDS,
): Promise<string> {
  return new SignJWT({ roles: [...viewer.roles], scopes: [...viewer.scopes] })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(viewer.userId ?? 'anonymous')
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyFor(secret));
}

export class ViewerTokenError extends Error {
  constructor(readonly reason: 'MISSING' | 'EXPIRED' | 'INVALID') {
    super(`Gateway signature ${reason.toLowerCase()}`);
    this.name = 'ViewerTokenError';
  }
}

/** Verifies a gateway-signed viewer token; throws ViewerTokenError when it is missing, expired or forged. */
export async function verifyViewerToken(token: string | undefined | null, secret: string): Promise<Viewer> {
  if (!token) throw new ViewerTokenError('MISSING');
  try {
    const { payload } = await jwtVerify(token, keyFor(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const strings = (value: unknown): string[] =>
      Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    return Object.freeze({
      userId: payload.sub && payload.sub !== 'anonymous' ? payload.sub : null,
      roles: strings(payload['roles']),
      scopes: strings(payload['scopes']),
    });
  } catch (error) {
    throw new ViewerTokenError(error instanceof joseErrors.JWTExpired ? 'EXPIRED' : 'INVALID');
  }
}

/** Sophia's business data needs a signed-in viewer; call this first in every resolver that reads it. */
export function requireViewer(viewer: Viewer): SignedInViewer {
  if (viewer.userId === null) throw unauthenticated();
  return viewer as SignedInViewer;
}

export const hasRole = (viewer: Viewer, role: string): boolean => viewer.roles.includes(role);
