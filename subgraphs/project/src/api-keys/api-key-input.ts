import { isApiKeyScope } from '@sophia/kit';

/** The bounds on what an admin may ask of a key (SECURITY.md, API keys). */
export const API_KEY_LIMITS = {
  nameLength: 100,
  /** Days a key may live at most, and how long it lives when no expiry is given. */
  maxLifetimeDays: 365,
  defaultLifetimeDays: 90,
  /** Keys one admin may hold neither revoked nor expired: rotation means create, switch, revoke. */
  activePerOwner: 20,
  /** Keys `apiKeys` lists at most. */
  listed: 500,
} as const;

const DAY_MS = 86_400_000;

export interface ApiKeyUserError {
  readonly field: string[];
  readonly message: string;
  readonly code: 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND';
}

export interface CreateApiKeyRequest {
  readonly name: string;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
}

/**
 * Checks a `createApiKey` input: a printable name, scopes from the known set (each once, at least one), an
 * expiry in the future and at most `maxLifetimeDays` away. Every problem is reported, each with its field.
 */
export function checkCreateApiKey(
  input: { name: string; scopes: readonly string[]; expiresAt?: string | null | undefined },
  now: number,
): { request: CreateApiKeyRequest; errors: [] } | { request: null; errors: ApiKeyUserError[] } {
  const errors: ApiKeyUserError[] = [];
  const bad = (field: string, message: string) =>
    errors.push({ field: ['input', field], message, code: 'BAD_USER_INPUT' });
  const name = input.name.trim();
  if (name.length === 0 || name.length > API_KEY_LIMITS.nameLength) {
    bad('name', `The name must have 1 to ${API_KEY_LIMITS.nameLength} characters.`);
  } else if (/\p{Cc}/u.test(name)) {
    bad('name', 'The name may not hold control characters.');
  }
  const scopes = input.scopes.slice(0, 50);
  const unknown = scopes.filter((scope) => !isApiKeyScope(scope));
  if (input.scopes.length === 0) bad('scopes', 'Give the key at least one scope.');
  else if (input.scopes.length > 50 || unknown.length > 0) {
    bad('scopes', `Unknown scope(s): ${unknown.slice(0, 5).join(', ') || '(too many)'}.`);
  } else if (new Set(scopes).size !== scopes.length) bad('scopes', 'Name each scope once.');
  let expiresAt = now + API_KEY_LIMITS.defaultLifetimeDays * DAY_MS;
  if (input.expiresAt !== null && input.expiresAt !== undefined) {
    expiresAt = Date.parse(input.expiresAt);
    const latest = now + API_KEY_LIMITS.maxLifetimeDays * DAY_MS;
    if (!/^\d{4}-\d{2}-\d{2}T/.test(input.expiresAt) || Number.isNaN(expiresAt)) {
      bad('expiresAt', 'The expiry must be an ISO 8601 date and time, e.g. 2027-03-01T00:00:00Z.');
    } else if (expiresAt <= now) {
      bad('expiresAt', 'The expiry must be in the future.');
    } else if (expiresAt > latest) {
      bad('expiresAt', `A key may live at most ${API_KEY_LIMITS.maxLifetimeDays} days.`);
    }
  }
  if (errors.length > 0) return { request: null, errors };
  return { request: { name, scopes, expiresAt }, errors: [] };
}
