import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT } from 'jose';
import { HttpError, readDevUsers, readJsonBody, sendJson } from '@sophia/kit';
import { DEV_JWT_SECRET, type GatewayConfig } from '../env.ts';

/** Development tokens last a working day. */
const DEV_TOKEN_TTL = '12h';

/**
 * `POST /auth/dev-login` `{ "email": … }` (or an empty body for the chief executive) → `{ token, user }`;
 * `GET /auth/dev-login` → `{ users }`, the executives and managers a sign-in screen offers (the chief
 * executive first), as the seed step listed them beside the stores. Only in development mode; it signs with the same secret the authenticator verifies.
 */
export function createDevLogin(config: GatewayConfig) {
  const key = new TextEncoder().encode(config.JWT_SECRET ?? DEV_JWT_SECRET);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Read per request: the seed step may write the list after the gateway started.
    const directory = readDevUsers(config.SOPHIA_DATA_DIR);
    if (req.method === 'GET') {
      const signInChoices = directory
        .filter((u) => u.role !== 'MEMBER')
        .map((u) => ({ id: u.id, name: u.name, email: u.email, title: u.title, role: u.role }));
      sendJson(res, 200, { users: signInChoices });
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'BAD_USER_INPUT', 'Use POST, or GET for the users.');
    const body = (await readJsonBody(req)) ?? {};
    const email = (body as { email?: unknown }).email;
    if (email !== undefined && typeof email !== 'string') {
      throw new HttpError(400, 'BAD_USER_INPUT', '`email` must be a string.');
    }
    const user = email === undefined ? directory[0] : directory.find((u) => u.email === email.toLowerCase());
    if (!user) {
      const hint = directory.length === 0 ? ' No demo company is loaded: run `npm run seed`.' : '';
      throw new HttpError(404, 'NOT_FOUND', `No demo user has the email ${JSON.stringify(email)}.${hint}`);
    }
    const token = await new SignJWT({ roles: [...user.roles], name: user.name, email: user.email })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuedAt()
      .setExpirationTime(DEV_TOKEN_TTL)
      .sign(key);
    sendJson(res, 200, {
      token,
      user: { id: user.id, name: user.name, email: user.email, title: user.title },
    });
  };
}
