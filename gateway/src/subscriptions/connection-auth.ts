import type { Viewer } from '@sophia/kit';
import { AuthenticationError, type CallerAuthenticator } from '../auth/authenticate.ts';
import { CLOSE_CODES } from './close-codes.ts';

export type ConnectionAuth =
  | {
      readonly viewer: Viewer;
      readonly expiresAt?: number | undefined;
      readonly apiKeyId?: string | undefined;
    }
  | { readonly closeCode: number; readonly reason: string };

/**
 * The bearer token in a `connection_init` payload: `authorization` in any letter case, or the same under
 * `headers`, as tools that forward their HTTP headers send it.
 */
export function authorizationOf(payload: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const find = (record: unknown): string | undefined => {
    if (typeof record !== 'object' || record === null) return undefined;
    const entry = Object.entries(record).find(([key]) => key.toLowerCase() === 'authorization');
    return typeof entry?.[1] === 'string' && entry[1].trim() !== '' ? entry[1] : undefined;
  };
  return find(payload) ?? find(payload?.['headers']);
}

/**
 * Verifies a socket's credentials once, when it opens. Unlike HTTP, a socket without credentials is refused:
 * every operation on it would run as the same anonymous viewer, which can subscribe to nothing.
 */
export async function authenticateConnection(
  payload: Readonly<Record<string, unknown>> | undefined,
  authenticate: CallerAuthenticator,
): Promise<ConnectionAuth> {
  const authorization = authorizationOf(payload);
  if (authorization === undefined) {
    return {
      closeCode: CLOSE_CODES.UNAUTHORIZED,
      reason: 'Unauthorized: send {"authorization": "Bearer <token>"} in connection_init',
    };
  }
  try {
    return await authenticate(authorization);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    return { closeCode: CLOSE_CODES.FORBIDDEN, reason: 'Forbidden: invalid or expired token' };
  }
}
