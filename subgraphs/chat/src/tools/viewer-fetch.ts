import { signDelegatedToken, type Viewer } from '@sophia/kit';

/** Delegated tokens live a minute; one is reused for half that, then signed again. */
const TOKEN_TTL_SECONDS = 60;
const REUSE_MS = 30_000;

/**
 * The `authorization` header that authenticates a request as `viewer` with a delegated token (the kind the
 * gateway's edge accepts from subgraphs, never a viewer token): the assistant's tool calls see exactly what
 * the viewer may see.
 */
export function viewerAuthorization(viewer: Viewer, secret: string): () => Promise<string> {
  let token: { value: Promise<string>; signedAt: number } | undefined;
  return async () => {
    if (!token || Date.now() - token.signedAt > REUSE_MS) {
      // One signing shared by the calls that ask meanwhile; a failed one is not kept.
      const value = signDelegatedToken(viewer, secret, TOKEN_TTL_SECONDS);
      const signed = { value, signedAt: Date.now() };
      value.catch(() => {
        if (token === signed) token = undefined;
      });
      token = signed;
    }
    return `Bearer ${await token.value}`;
  };
}

/** A fetch that sends every request as `viewer` (see `viewerAuthorization`), for MCP sessions. */
export function viewerFetch(
  viewer: Viewer,
  secret: string,
): (url: string | URL, init?: RequestInit) => Promise<Response> {
  const authorization = viewerAuthorization(viewer, secret);
  return async (url, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', await authorization());
    return fetch(url, { ...init, headers });
  };
}
