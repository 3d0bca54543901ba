import { setTimeout as sleep } from 'node:timers/promises';
import { SophiaError } from './errors.ts';

/**
 * The time the gateway still gives a subgraph request, in milliseconds, as gRPC's `grpc-timeout` does. A
 * remaining budget rather than an instant: the subgraph counts it from when the request reached it, so the
 * gateway's and the subgraph's clocks need not agree.
 */
export const DEADLINE_HEADER = 'x-sophia-timeout-ms';

/** The longest budget a subgraph grants one request, whatever its header says (REQUEST_TIMEOUT_MAX_MS). */
export const DEFAULT_REQUEST_TIMEOUT_MAX_MS = 60_000;

/** Digits only, at most 9 of them: a budget is never negative, fractional or in exponent notation. */
const BUDGET = /^\d{1,9}$/;

/**
 * The budget a request's header grants, bounded by `maxMs`: a missing or malformed header gets `maxMs`, as
 * does one above it, so no caller can hold a write open longer than the subgraph allows.
 */
export function budgetFromHeader(header: string | readonly string[] | undefined, maxMs: number): number {
  const value = typeof header === 'string' ? header.trim() : undefined;
  if (value === undefined || !BUDGET.test(value)) return maxMs;
  return Math.min(Number(value), maxMs);
}

/** A write refused because the request that asked for it had already given up: nothing was changed. */
export class DeadlineExceededError extends SophiaError {
  constructor() {
    super(
      'DEADLINE_EXCEEDED',
      'The request ran out of time before its change was saved; nothing was changed. Retry it.',
    );
    this.name = 'DeadlineExceededError';
  }
}

/**
 * When a request's writes may still commit. Its signal fires at the deadline or when the caller goes away; a
 * store transaction calls `beforeCommit` right before COMMIT, and a refusal there turns it into a ROLLBACK.
 */
export interface RequestDeadline {
  readonly signal: AbortSignal;
  /** Resolves while the request still wants its result; throws DeadlineExceededError once it does not. */
  beforeCommit(): Promise<void>;
}

export interface RequestDeadlineOptions {
  /** Milliseconds from now (see `budgetFromHeader`). */
  readonly budgetMs: number;
  /** Fires when the caller went away: its connection closed before the answer was sent. */
  readonly callerGone?: AbortSignal;
  /**
   * Test hook, refused in production (SOPHIA_TEST_COMMIT_DELAY_MS): waits this long before every commit, as
   * a stalled store would, so that tests can outlast the gateway's timeout.
   */
  readonly commitDelayMs?: number | undefined;
  /** Monotonic milliseconds. @default performance.now */
  readonly now?: () => number;
}

export function createRequestDeadline(options: RequestDeadlineOptions): RequestDeadline {
  const now = options.now ?? (() => performance.now());
  const expiresAt = now() + options.budgetMs;
  const signal = AbortSignal.any([
    AbortSignal.timeout(options.budgetMs),
    ...(options.callerGone ? [options.callerGone] : []),
  ]);
  return {
    signal,
    beforeCommit: async () => {
      if (options.commitDelayMs) await sleep(options.commitDelayMs);
      // The clock as well as the signal: a busy event loop runs the signal's timer late, the check must not.
      if (signal.aborted || now() >= expiresAt) throw new DeadlineExceededError();
    },
  };
}

/**
 * One deadline for a write that serves several requests at once (a group commit): it commits only while
 * every one of them still wants it. Undefined entries (background work) add no deadline.
 */
export function everyDeadline(
  deadlines: readonly (RequestDeadline | undefined)[],
): RequestDeadline | undefined {
  const present = deadlines.filter((deadline): deadline is RequestDeadline => deadline !== undefined);
  if (present.length <= 1) return present[0];
  return {
    signal: AbortSignal.any(present.map((deadline) => deadline.signal)),
    beforeCommit: async () => {
      await Promise.all(present.map((deadline) => deadline.beforeCommit()));
    },
  };
}
