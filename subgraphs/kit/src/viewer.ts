import { decodeJwt, SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { LRUCache } from 'lru-cache';
import { unauthenticated } from './errors.ts';
import { VerifiedTokens } from './verified-tokens.ts';

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

/**
 * Tokens already signed, by secret and viewer: one is reused while more than half its life is left, so a
 * viewer's requests carry the same token (and subgraphs verify it once, see VerifiedTokens).
 */
const signed = new LRUCache<string, { token: string; renewAt: number }>({ max: 10_000 });

/** Signs the viewer for subgraphs (HS256 with INTERNAL_TOKEN_SECRET). */
export async function signViewerToken(
  viewer: Viewer,
  secret: string,
  ttlSeconds = VIEWER_TOKEN_TTL_SECONDS,
): Promise<string> {
  const key = JSON.stringify([secret, ttlSeconds, viewer.userId, viewer.roles, viewer.scopes]);
  const reusable = signed.get(key);
  if (reusable && reusable.renewAt > Date.now()) return reusable.token;
  const token = await newViewerToken(viewer, secret, ttlSeconds);
  signed.set(key, { token, renewAt: Date.now() + (ttlSeconds * 1000) / 2 });
  return token;
}

function newViewerToken(viewer: Viewer, secret: string, ttlSeconds: number): Promise<string> {
  return new SignJWT({ roles: [...viewer.roles], scopes: [...viewer.scopes] })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(viewer.userId ?? 'anonymous')
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyFor(secret));
}

const verifiedViewers = new VerifiedTokens<Viewer>();

/** Whether a token claims to be a gateway-signed viewer token (unverified: only to pick how to verify it). */
export function isViewerToken(token: string): boolean {
  try {
    return decodeJwt(token).iss === ISSUER;
  } catch {
    return false;
  }
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
  const cacheKey = `${secret}\n${token}`;
  const known = verifiedViewers.get(cacheKey);
  if (known) return known;
  try {
    const { payload } = await jwtVerify(token, keyFor(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const strings = (value: unknown): string[] =>
      Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    const viewer: Viewer = Object.freeze({
      userId: payload.sub && payload.sub !== 'anonymous' ? payload.sub : null,
      roles: strings(payload['roles']),
      scopes: strings(payload['scopes']),
    });
    verifiedViewers.set(cacheKey, viewer, payload.exp);
    return viewer;
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
