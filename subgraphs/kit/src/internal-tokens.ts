import { createHash, createHmac } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { VerifiedTokens } from './verified-tokens.ts';
import type { Viewer } from './viewer.ts';

/**
 * The kinds of token Sophia signs for itself, each with its own issuer, audience, `typ` header and key, so
 * one can never be replayed where the other is expected (DESIGN §4, "token kinds never cross"):
 * - `viewer`: gateway → subgraph, the caller the gateway verified. Subgraphs accept only this kind; the edge
 *   never does.
 * - `delegated`: subgraph → gateway edge, a subgraph acting for the viewer it serves (the assistant's tool
 *   calls over /mcp). Only the edge accepts it.
 * - `key-lookup`: gateway → the API key store's internal route, to read a presented key's record by id. It
 *   carries no viewer, and the store accepts no other kind there: no viewer token opens that route.
 * - `deal-changes`: kpi → sales' internal outbox route, to catch up on deal changes. It carries no viewer
 *   either; sales accepts no other kind there, and nothing else accepts it.
 */
export type InternalTokenKind = 'viewer' | 'delegated' | 'key-lookup' | 'deal-changes';

interface KindSpec {
  readonly typ: string;
  readonly issuer: string;
  readonly audience: string;
}

const KINDS: Readonly<Record<InternalTokenKind, KindSpec>> = {
  viewer: { typ: 'sophia-viewer+jwt', issuer: 'sophia-gateway', audience: 'sophia-subgraph' },
  delegated: { typ: 'sophia-delegated+jwt', issuer: 'sophia-subgraph', audience: 'sophia-gateway' },
  'key-lookup': { typ: 'sophia-key-lookup+jwt', issuer: 'sophia-gateway', audience: 'sophia-api-key-store' },
  'deal-changes': { typ: 'sophia-deal-changes+jwt', issuer: 'sophia-kpi', audience: 'sophia-sales-outbox' },
};

/** Short-lived: the token covers one request (or one socket's handshake), never a session. */
export const VIEWER_TOKEN_TTL_SECONDS = 60;
/**
 * Clock difference between pods tolerated on `iat` only: a signer slightly ahead must not be refused, while
 * `exp` is exact (tokens are re-signed at half their life, so none arrives near its end).
 */
const CLOCK_TOLERANCE_SECONDS = 5;
/** Oldest `iat` accepted: a token is never honoured past its TTL, whatever `exp` it claims. */
const MAX_TOKEN_AGE_SECONDS = VIEWER_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS;

/**
 * INTERNAL_TOKEN_SECRET and the secrets it replaced. Tokens are signed with `current` only; `previous` are
 * still accepted, so a rotation rolls out pod by pod without refusing requests (SECURITY.md, rotation).
 */
export interface InternalSecrets {
  readonly current: string;
  readonly previous?: readonly string[];
}

export type SecretsInput = string | InternalSecrets;

interface DerivedKey {
  readonly kid: string;
  readonly key: Uint8Array;
}

const derivedKeys = new Map<string, DerivedKey>();
/**
 * Each kind signs with its own key derived from the secret (HMAC with the kind's name), so the secret itself
 * never signs anything and the two kinds cannot verify each other. The key id is a hash of the derived key:
 * public, and stable across pods sharing a secret.
 */
function keyOf(kind: InternalTokenKind, secret: string): DerivedKey {
  const cacheKey = `${kind}\n${secret}`;
  let derived = derivedKeys.get(cacheKey);
  if (!derived) {
    const key = createHmac('sha256', secret).update(`sophia ${KINDS[kind].typ} v1`).digest();
    derived = { kid: createHash('sha256').update(key).digest('hex').slice(0, 16), key: new Uint8Array(key) };
    derivedKeys.set(cacheKey, derived);
  }
  return derived;
}

const secretsOf = (input: SecretsInput): InternalSecrets =>
  typeof input === 'string' ? { current: input } : input;

/**
 * Tokens already signed, by kind, key and viewer: one is reused while more than half its life is left, so a
 * viewer's requests carry the same token (and the receiver verifies it once, see VerifiedTokens).
 */
const signed = new LRUCache<string, { token: string; renewAt: number }>({ max: 10_000 });

export async function signInternalToken(
  kind: InternalTokenKind,
  viewer: Viewer,
  secrets: SecretsInput,
  ttlSeconds = VIEWER_TOKEN_TTL_SECONDS,
): Promise<string> {
  const { kid, key } = keyOf(kind, secretsOf(secrets).current);
  const cacheKey = JSON.stringify([kind, kid, ttlSeconds, viewer.userId, viewer.roles, viewer.scopes]);
  const reusable = signed.get(cacheKey);
  if (reusable && reusable.renewAt > Date.now()) return reusable.token;
  const spec = KINDS[kind];
  const token = await new SignJWT({ roles: [...viewer.roles], scopes: [...viewer.scopes] })
    .setProtectedHeader({ alg: 'HS256', typ: spec.typ, kid })
    .setIssuer(spec.issuer)
    .setAudience(spec.audience)
    .setSubject(viewer.userId ?? 'anonymous')
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
  signed.set(cacheKey, { token, renewAt: Date.now() + (ttlSeconds * 1000) / 2 });
  return token;
}

export class ViewerTokenError extends Error {
  constructor(readonly reason: 'MISSING' | 'EXPIRED' | 'INVALID') {
    super(`Gateway signature ${reason.toLowerCase()}`);
    this.name = 'ViewerTokenError';
  }
}

const verified = new VerifiedTokens<Viewer>();

/** Verifies a token of `kind`; throws ViewerTokenError when it is missing, expired, forged or another kind. */
export async function verifyInternalToken(
  kind: InternalTokenKind,
  token: string | undefined | null,
  secrets: SecretsInput,
): Promise<Viewer> {
  if (!token) throw new ViewerTokenError('MISSING');
  const { current, previous = [] } = secretsOf(secrets);
  const kid = headerOf(token)?.kid;
  const key = [current, ...previous].map((secret) => keyOf(kind, secret)).find((k) => k.kid === kid);
  if (!key) throw new ViewerTokenError('INVALID');
  const cacheKey = `${kind}\n${key.kid}\n${token}`;
  const known = verified.get(cacheKey);
  if (known) return known;
  const spec = KINDS[kind];
  try {
    const { payload } = await jwtVerify(token, key.key, {
      issuer: spec.issuer,
      audience: spec.audience,
      typ: spec.typ,
      algorithms: ['HS256'],
      requiredClaims: ['iat', 'exp', 'sub'],
    });
    const age = Date.now() / 1000 - payload.iat!;
    if (age > MAX_TOKEN_AGE_SECONDS) throw new joseErrors.JWTExpired('too old', payload);
    if (age < -CLOCK_TOLERANCE_SECONDS) throw new ViewerTokenError('INVALID');
    const strings = (value: unknown): string[] =>
      Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    const viewer: Viewer = Object.freeze({
      userId: payload.sub && payload.sub !== 'anonymous' ? payload.sub : null,
      roles: strings(payload['roles']),
      scopes: strings(payload['scopes']),
    });
    verified.set(cacheKey, viewer, payload.exp);
    return viewer;
  } catch (error) {
    if (error instanceof ViewerTokenError) throw error;
    throw new ViewerTokenError(error instanceof joseErrors.JWTExpired ? 'EXPIRED' : 'INVALID');
  }
}

function headerOf(token: string): { kid?: string | undefined; typ?: string | undefined } | undefined {
  try {
    return decodeProtectedHeader(token);
  } catch {
    return undefined;
  }
}

/**
 * Which Sophia-internal kind a token claims to be, by its `typ` header or issuer (unverified: only to refuse
 * or route it); undefined for anything else, such as an identity provider's token.
 */
export function internalTokenKind(token: string): InternalTokenKind | undefined {
  const typ = headerOf(token)?.typ;
  let iss: string | undefined;
  try {
    iss = decodeJwt(token).iss;
  } catch {
    return undefined;
  }
  return (Object.keys(KINDS) as InternalTokenKind[]).find(
    (kind) => KINDS[kind].typ === typ || KINDS[kind].issuer === iss,
  );
}

/** Signs the viewer for subgraphs (gateway → subgraph). */
export const signViewerToken = (viewer: Viewer, secrets: SecretsInput, ttlSeconds?: number) =>
  signInternalToken('viewer', viewer, secrets, ttlSeconds);

/** What a subgraph accepts: a gateway-signed viewer token, and no other kind. */
export const verifyViewerToken = (token: string | undefined | null, secrets: SecretsInput) =>
  verifyInternalToken('viewer', token, secrets);

/** Signs the viewer a subgraph acts for, to call the gateway's edge (/graphql, /mcp) as them. */
export const signDelegatedToken = (viewer: Viewer, secrets: SecretsInput, ttlSeconds?: number) =>
  signInternalToken('delegated', viewer, secrets, ttlSeconds);

export const verifyDelegatedToken = (token: string | undefined | null, secrets: SecretsInput) =>
  verifyInternalToken('delegated', token, secrets);

/**
 * Signing and checking for a kind that speaks for a service, never a person: the token's subject is the service,
 * and a token of the kind with any other subject is refused.
 */
function serviceCredential(kind: InternalTokenKind, service: string) {
  const principal: Viewer = Object.freeze({ userId: service, roles: [], scopes: [] });
  return {
    sign: (secrets: SecretsInput) => signInternalToken(kind, principal, secrets),
    verify: async (token: string | undefined | null, secrets: SecretsInput): Promise<void> => {
      if ((await verifyInternalToken(kind, token, secrets)).userId !== service) {
        throw new ViewerTokenError('INVALID');
      }
    },
  };
}

const keyLookup = serviceCredential('key-lookup', 'sophia-gateway');
/** Signs the gateway's credential for the API key store's internal lookup route (gateway → project). */
export const signKeyLookupToken = keyLookup.sign;
/** What the API key store's internal route accepts: a gateway-signed `key-lookup` token, and no other kind. */
export const verifyKeyLookupToken = keyLookup.verify;

const dealChanges = serviceCredential('deal-changes', 'sophia-kpi');
/** Signs kpi's credential for sales' internal deal-changes route (kpi → sales). */
export const signDealChangesToken = dealChanges.sign;
/** What sales' deal-changes route accepts: a kpi-signed `deal-changes` token, and no other kind. */
export const verifyDealChangesToken = dealChanges.verify;
