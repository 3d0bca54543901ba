import { signDelegatedToken, type Viewer } from '@sophia/kit';

/** Delegated tokens live a minute; one is reused for half that, then signed again. */
const TOKEN_TTL_SECONDS = 60;
const REUSE_MS = 30_000;

/**
 * A fetch that authenticates every request as `viewer` with a delegated token (the kind the gateway's edge
 * accepts from subgraphs, never a viewer token): the assistant's tool calls see exactly what the viewer may see.
 */
export function viewerFetch(
  viewer: Viewer,
  secret: string,
): (url: string | URL, init?: RequestInit) => Promise<Response> {
  let token: { value: string; signedAt: number } | undefined;
  return async (url, init) => {
    if (!token || Date.now() - token.signedAt > REUSE_MS) {
      token = { value: await signDelegatedToken(viewer, secret, TOKEN_TTL_SECONDS), signedAt: Date.now() };
    }
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token.value}`);
    return fetch(url, { ...init, headers });
  };
}
