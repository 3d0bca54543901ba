import { DEV_INTERNAL_TOKEN_SECRET } from '../env.ts';
import { signViewerToken, VIEWER_HEADER, type Viewer } from '../viewer.ts';
import type { Subgraph } from '../create-subgraph.ts';

/** Demo data in tests is anchored to a fixed day so every figure is reproducible. */
export const TEST_ANCHOR = '2026-11-24';
export const TEST_SECRET = DEV_INTERNAL_TOKEN_SECRET;

/** The demo company's chief executive, as the gateway would forward them. */
export const CEO: Viewer = Object.freeze({ userId: 'usr_001', roles: ['exec', 'member'], scopes: [] });

export interface GraphQLResponse<TData = Record<string, unknown>> {
  readonly status: number;
  readonly data?: TData | null;
  readonly errors?: ReadonlyArray<{
    message: string;
    path?: unknown[];
    extensions?: Record<string, unknown>;
  }>;
}

export interface RunningSubgraph {
  readonly url: string;
  /** Sends a query over real HTTP as `viewer` (signed like the gateway does); `null` sends no signature. */
  request<TData = Record<string, unknown>>(
    query: string,
    options?: { variables?: Record<string, unknown>; viewer?: Viewer | null },
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/** Listens on a free port on loopback and returns a client for it. */
export async function startSubgraph(subgraph: Subgraph, secret = TEST_SECRET): Promise<RunningSubgraph> {
  const { url } = await subgraph.listen(0, '127.0.0.1');
  return {
    url,
    request: async (query, options = {}) => {
      const viewer = options.viewer === undefined ? CEO : options.viewer;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (viewer) headers[VIEWER_HEADER] = await signViewerToken(viewer, secret);
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables: options.variables ?? {} }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    close: () => subgraph.close(),
  };
}
export * from './helpers.ts';
