import type { BaseContext } from '@sophia/kit';

export interface GatewayContext extends BaseContext {
  /** The viewer signed for subgraphs, created on first use and shared by every fetch of the request. */
  readonly viewerToken: () => Promise<string>;
}
