import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-graphql.ts';

/**
 * Admits a request to an internal route (one no schema names, for another Sophia service) only with a bearer
 * token that `verify` accepts; anything else, including no token, is 401 with `message` and nothing more.
 */
export async function requireServiceCaller(
  req: IncomingMessage,
  verify: (token: string | undefined) => Promise<unknown>,
  message: string,
): Promise<void> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  try {
    await verify(bearer);
  } catch {
    throw new HttpError(401, 'UNAUTHENTICATED', message);
  }
}
