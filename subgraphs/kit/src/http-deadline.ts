import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  budgetFromHeader,
  createRequestDeadline,
  DEADLINE_HEADER,
  DEFAULT_REQUEST_TIMEOUT_MAX_MS,
  type RequestDeadline,
} from './request-deadline.ts';

/** How a subgraph bounds the deadlines of its requests (REQUEST_TIMEOUT_MAX_MS, SOPHIA_TEST_COMMIT_DELAY_MS). */
export interface RequestDeadlineLimits {
  /** @default DEFAULT_REQUEST_TIMEOUT_MAX_MS */
  readonly maxMs?: number | undefined;
  /** Test hook, refused in production: see `RequestDeadlineOptions.commitDelayMs`. */
  readonly commitDelayMs?: number | undefined;
}

/**
 * The deadline of one HTTP request: the budget its header grants (bounded), counted from now, and ended early
 * when the caller closes the connection before the answer is sent (the gateway gave up and aborted).
 */
export function deadlineOfHttpRequest(
  req: IncomingMessage,
  res: ServerResponse,
  limits: RequestDeadlineLimits = {},
): RequestDeadline {
  const maxMs = limits.maxMs ?? DEFAULT_REQUEST_TIMEOUT_MAX_MS;
  const callerGone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) callerGone.abort();
  });
  return createRequestDeadline({
    budgetMs: budgetFromHeader(req.headers[DEADLINE_HEADER], maxMs),
    callerGone: callerGone.signal,
    commitDelayMs: limits.commitDelayMs,
  });
}

/** The deadline of an operation on a socket: no header travels there, so the subgraph's maximum. */
export function deadlineOfSocketOperation(limits: RequestDeadlineLimits = {}): RequestDeadline {
  return createRequestDeadline({
    budgetMs: limits.maxMs ?? DEFAULT_REQUEST_TIMEOUT_MAX_MS,
    commitDelayMs: limits.commitDelayMs,
  });
}
