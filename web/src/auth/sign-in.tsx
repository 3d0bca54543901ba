import { useEffect, useState } from 'react';
import { devLogin, fetchDemoUsers, type DemoUser, type Session } from './session.ts';

/**
 * The development sign-in: pick one of the demo company's executives or managers. The gateway lists them
 * (`GET /auth/dev-login`) and issues a token for the one chosen.
 */
export function SignIn({
  onSignedIn,
  notice,
}: {
  onSignedIn: (session: Session) => void;
  notice?: string | undefined;
}) {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    fetchDemoUsers()
      .then(setUsers)
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, []);

  const signIn = async (user: DemoUser) => {
    setBusy(user.email);
    setProblem(null);
    try {
      onSignedIn(await devLogin(user.email));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setBusy(null);
    }
  };

  return (
    <main className="sign-in">
      <div className="card sign-in-card">
        <h1>Sign in to Sophia</h1>
        <p className="muted">Development mode: choose a person of the demo company.</p>
        {notice ? (
          <p className="notice warn" role="status">
            {notice}
          </p>
        ) : null}
        {problem ? (
          <p className="notice bad" role="alert">
            {problem}
          </p>
        ) : null}
        {users === null && !problem ? (
          <p role="status" className="muted">
            Loading people…
          </p>
        ) : null}
        {users ? (
          <ul className="people" aria-label="Demo users">
            {users.map((user) => (
              <li key={user.id}>
                <button
                  type="button"
                  className="person"
                  disabled={busy !== null}
                  onClick={() => void signIn(user)}
                >
                  <span className="person-name">{user.name}</span>
                  <span className="muted">{user.title}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </main>
  );
}
