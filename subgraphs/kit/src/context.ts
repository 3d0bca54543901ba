import type { Logger } from 'pino';
import type { Viewer } from './viewer.ts';

/** What every resolver receives; subgraphs extend it with their store and loaders. */
export interface BaseContext {
  readonly viewer: Viewer;
  readonly requestId: string;
  readonly log: Logger;
}
