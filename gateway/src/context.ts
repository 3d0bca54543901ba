import type { BaseContext } from '@sophia/kit';

export interface GatewayContext extends BaseContext {
  /** The viewer signed for subgraphs, created on first use and shared by every fetch of the request. */
  readonly viewerToken: () => Promise<string>;
  /** The API key the caller presented, if any: its scopes then bound what the operation may touch. */
  readonly apiKeyId?: string | undefined;
}
