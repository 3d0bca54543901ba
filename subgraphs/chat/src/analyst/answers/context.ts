import type { AnswerRequest } from '../../pipeline/answer-contract.ts';
import type { Directory } from '../directory.ts';
import { quarterOf } from '../periods.ts';
import type { AnswerWriter } from '../writer.ts';

/** What every answer gets: the request, the writer and the directory of names. */
export interface AnswerContext {
  readonly request: AnswerRequest;
  readonly writer: AnswerWriter;
  readonly directory: Directory;
}

export type Answer = (context: AnswerContext) => Promise<void>;

/**
 * Starts `load` for every item at once — independent tool calls, so they travel to the gateway together and
 * run side by side — and returns their promises in the items' order, for the answer to write each in turn as
 * soon as it (and those before it) arrived. A failure rejects where its turn comes, not before.
 */
export function startAll<T, R>(items: readonly T[], load: (item: T) => Promise<R>): Promise<R>[] {
  const loads = items.map(load);
  for (const pending of loads) pending.catch(() => undefined);
  return loads;
}

/** The periods the question names, or the current quarter (the API's default) when it names none. */
export function periodsOrCurrent(context: AnswerContext): readonly string[] {
  const { periods } = context.request.understanding;
  return periods.length > 0 ? periods : [quarterOf(context.request.now)];
}

/** YYYY-MM-DD of `now` in UTC. */
export function today(context: AnswerContext): string {
  return context.request.now.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
