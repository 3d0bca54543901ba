import { signViewerToken, VIEWER_TOKEN_TTL_SECONDS, type Viewer } from '@sophia/kit';

/**
 * The viewer signed for subgraphs, shared by every fetch on one socket and signed again once half its lifetime
 * has passed: a socket outlives any one short-lived token.
 */
export function createViewerSigner(viewer: Viewer, secret: string, now = Date.now): () => Promise<string> {
  let token: Promise<string> | undefined;
  let signedAt = 0;
  return () => {
    if (!token || now() - signedAt > (VIEWER_TOKEN_TTL_SECONDS * 1000) / 2) {
      signedAt = now();
      token = signViewerToken(viewer, secret);
    }
    return token;
  };
}
