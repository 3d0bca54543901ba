import { unauthenticated } from './errors.ts';

export {
  signViewerToken,
  verifyViewerToken,
  VIEWER_TOKEN_TTL_SECONDS,
  ViewerTokenError,
} from './internal-tokens.ts';

/** Who is asking. `userId` is null for an anonymous caller that came through the gateway. */
export interface Viewer {
  readonly userId: string | null;
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
}

export interface SignedInViewer extends Viewer {
  readonly userId: string;
}

export const ANONYMOUS: Viewer = Object.freeze({ userId: null, roles: [], scopes: [] });

/** HTTP header the gateway uses to forward the viewer; graphql-ws carries it in `connection_init` instead. */
export const VIEWER_HEADER = 'x-sophia-viewer';
/** Key of the viewer token in the graphql-ws `connection_init` payload from the gateway. */
export const VIEWER_CONNECTION_PARAM = 'sophiaViewer';

/** Sophia's business data needs a signed-in viewer; call this first in every resolver that reads it. */
export function requireViewer(viewer: Viewer): SignedInViewer {
  if (viewer.userId === null) throw unauthenticated();
  return viewer as SignedInViewer;
}

export const hasRole = (viewer: Viewer, role: string): boolean => viewer.roles.includes(role);

/** The role that administers Sophia (API keys); it comes from the identity provider's token. */
export const ADMIN_ROLE = 'admin';
