import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import {
  ANONYMOUS,
  DEV_JWT_SECRET,
  internalTokenKind,
  looksLikeApiKey,
  VerifiedTokens,
  verifyDelegatedToken,
  ViewerTokenError,
  type InternalSecrets,
  type Viewer,
} from '@sophia/kit';
import type { GatewayConfig } from '../env.ts';
import { ApiKeyRefused, type ApiKeys } from './api-keys/api-keys.ts';

export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}

/** A verified caller: the viewer, and when its credential stops being valid (ms since the epoch). */
export interface Caller {
  readonly viewer: Viewer;
  /** Undefined: no expiry (anonymous). Sockets close with 4403 when it passes. */
  readonly expiresAt?: number | undefined;
  /** The API key the caller used, for rate limits and revocation; undefined for tokens. */
  readonly apiKeyId?: string | undefined;
}

export type CallerAuthenticator = (authorization: string | undefined) => Promise<Caller>;

/**
 * Verifies the caller once at the edge. No credentials → the anonymous viewer (each subgraph decides what
 * that may see); credentials present but invalid → AuthenticationError (the request is refused).
 *
 * Accepted here: your identity provider's JWTs (JWKS, issuer and audience enforced in production), development
 * tokens from /auth/dev-login (development only: production refuses the committed secret), delegated tokens
 * a subgraph signs to call back as the viewer it serves (the chat pipeline's tools), and API keys
 * (`sk_sophia_…`, see api-keys/). Never accepted: the viewer tokens the gateway signs for subgraphs — a token
 * leaked from the internal network is useless at the edge.
 */
export function createCallerAuthenticator(config: GatewayConfig, apiKeys?: ApiKeys): CallerAuthenticator {
  const verifyUserToken = createUserTokenVerifier(config);
  const internal: InternalSecrets = {
    current: config.INTERNAL_TOKEN_SECRET,
    previous: config.INTERNAL_TOKEN_PREVIOUS_SECRETS,
  };
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return { viewer: ANONYMOUS };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new AuthenticationError('Authorization must be "Bearer <token>".');
    const token = match[1];
    if (looksLikeApiKey(token)) return apiKeyCaller(token, apiKeys);
    switch (internalTokenKind(token)) {
      case 'viewer':
      case 'deal-changes':
        throw new AuthenticationError('Invalid token: internal service tokens are not accepted here.');
      case 'delegated':
        return delegatedCaller(token, internal);
      default:
        return verifyUserToken(token);
    }
  };
}

async function apiKeyCaller(token: string, apiKeys: ApiKeys | undefined): Promise<Caller> {
  try {
    if (!apiKeys) throw new ApiKeyRefused('Invalid API key.');
    return await apiKeys.verify(token);
  } catch (error) {
    if (error instanceof ApiKeyRefused) throw new AuthenticationError('Invalid API key.');
    throw error;
  }
}

function createUserTokenVerifier(config: GatewayConfig): (token: string) => Promise<Caller> {
  const key: Uint8Array | JWTVerifyGetKey = config.JWKS_URL
    ? // Keys are fetched again when a token names an unknown `kid`: the provider's rotation needs no restart.
      createRemoteJWKSet(new URL(config.JWKS_URL), { cooldownDuration: 30_000, cacheMaxAge: 600_000 })
    : new TextEncoder().encode(config.JWT_SECRET ?? DEV_JWT_SECRET);
  const options: JWTVerifyOptions = {
    ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}),
    ...(config.JWT_AUDIENCE ? { audience: config.JWT_AUDIENCE } : {}),
    algorithms: config.JWKS_URL ? ['RS256', 'ES256', 'PS256', 'EdDSA'] : ['HS256'],
    clockTolerance: config.JWT_CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'sub'],
  };
  const verified = new VerifiedTokens<Caller>();
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    try {
      const { payload } = await (typeof key === 'function'
        ? jwtVerify(token, key, options)
        : jwtVerify(token, key, options));
      const caller: Caller = Object.freeze({
        viewer: Object.freeze({
          userId: payload.sub!,
          roles: stringList(payload['roles']),
          scopes: stringList(payload['scopes'] ?? payload['scope']),
        }),
        expiresAt: payload.exp! * 1000,
      });
      verified.set(token, caller, payload.exp);
      return caller;
    } catch (error) {
      throw new AuthenticationError(`Invalid token: ${(error as Error).message}`);
    }
  };
}

async function delegatedCaller(token: string, secrets: InternalSecrets): Promise<Caller> {
  try {
    const viewer = await verifyDelegatedToken(token, secrets);
    // Verified just above: its `exp` is the signer's own.
    return { viewer, expiresAt: (decodeJwt(token).exp ?? 0) * 1000 };
  } catch (error) {
    const expired = error instanceof ViewerTokenError && error.reason === 'EXPIRED';
    throw new AuthenticationError(
      expired ? 'Invalid token: the delegated token has expired.' : 'Invalid token: bad delegated token.',
    );
  }
}

/** Claims may be arrays or OAuth-style space-separated strings. */
function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
