import type { Logger } from 'pino';
import type { RequestDeadline } from './request-deadline.ts';
import type { Viewer } from './viewer.ts';

/** What every resolver receives; subgraphs extend it with their store and loaders. */
export interface BaseContext {
  readonly viewer: Viewer;
  readonly requestId: string;
  readonly log: Logger;
}

/** What a subgraph's resolvers receive: the base and the request's deadline, which its writes pass on. */
export interface SubgraphContext extends BaseContext {
  readonly deadline: RequestDeadline;
}
