import { ADMIN_ROLE, forbidden, hasRole, requireViewer, type SignedInViewer, type Viewer } from '@sophia/kit';

/** Key management is for admins; anyone else signed in is refused FORBIDDEN, anonymous UNAUTHENTICATED. */
export function requireAdmin(viewer: Viewer): SignedInViewer {
  const signedIn = requireViewer(viewer);
  if (!hasRole(signedIn, ADMIN_ROLE)) throw forbidden('Only an admin may manage API keys.');
  return signedIn;
}
