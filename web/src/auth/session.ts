/**
 * The signed-in session: a bearer token from the gateway's development login, kept in localStorage so a
 * reload stays signed in. Nothing here talks GraphQL.
 */

export interface SessionUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly title: string;
}

export interface Session {
  readonly token: string;
  readonly user: SessionUser;
}

/** A demo user the sign-in screen offers (`GET /auth/dev-login`). */
export interface DemoUser extends SessionUser {
  readonly role: string;
}

const KEY = 'sophia.session';

export function loadSession(storage: Storage = localStorage): Session | null {
  try {
    const saved = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<Session> | null;
    return saved && typeof saved.token === 'string' && saved.user ? (saved as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null, storage: Storage = localStorage): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}

/** The demo users to sign in as; fails when the gateway does not run in development mode. */
export async function fetchDemoUsers(fetcher: typeof fetch = fetch): Promise<DemoUser[]> {
  const response = await fetcher('/auth/dev-login');
  if (!response.ok) throw new Error(`The development sign-in is not available (HTTP ${response.status}).`);
  return ((await response.json()) as { users: DemoUser[] }).users;
}

/** Signs in as a demo user; `email` omitted signs in as the chief executive. */
export async function devLogin(email?: string, fetcher: typeof fetch = fetch): Promise<Session> {
  const response = await fetcher('/auth/dev-login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: email ? JSON.stringify({ email }) : '',
  });
  if (!response.ok) throw new Error(`Sign-in failed (HTTP ${response.status}).`);
  return (await response.json()) as Session;
}
