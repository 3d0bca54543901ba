import { useCallback, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { SignIn } from './auth/sign-in.tsx';
import { loadSession, saveSession, type Session } from './auth/session.ts';
import { createSophiaClient } from './client.ts';
import { Dashboard } from './dashboard.tsx';

/** Signed out: the sign-in screen. Signed in: the dashboard over one urql client for the session. */
export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [notice, setNotice] = useState<string | undefined>(undefined);

  const signOut = useCallback((why?: string) => {
    saveSession(null);
    setSession(null);
    setNotice(why);
  }, []);
  const sophia = useMemo(
    () =>
      session
        ? createSophiaClient({
            token: session.token,
            onUnauthenticated: () => signOut('Your session ended: sign in again.'),
          })
        : null,
    [session, signOut],
  );
  useEffect(() => () => sophia?.dispose(), [sophia]);

  if (!session || !sophia) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(next) => {
          saveSession(next);
          setNotice(undefined);
          setSession(next);
        }}
      />
    );
  }
  return (
    <Provider value={sophia.client}>
      <Dashboard user={session.user} onSignOut={() => signOut()} />
    </Provider>
  );
}
