import type { Logger } from '@sophia/kit';
import type { ReplyEventLog } from '../event-log/index.ts';
import type { ChatStore } from '../store.ts';
import { endInterruptedStreams } from './interrupted-replies.ts';
import type { ReplyRunner } from './reply-runner.ts';

export interface ReplyLeaseKeeper {
  /** Stops the rounds; resolves once the one in progress has ended. */
  stop(): Promise<void>;
}

/**
 * Every `intervalMs` (a third of the lease): renews this replica's lease on the replies it is writing, then
 * fails the replies whose writer stopped (their lease ran out) and ends their streams, so a replica that died
 * on a shared warehouse leaves no reply STREAMING for longer than a lease and a round while the others serve.
 * A replica that has written no reply for a whole lease sends nothing, so an idle warehouse can suspend; the
 * replies a stopped replica left are then failed by the next replica to answer, or to start.
 */
export function keepReplyLeases(deps: {
  readonly store: ChatStore;
  readonly runner: Pick<ReplyRunner, 'runningIds' | 'busyWithin'>;
  readonly log: ReplyEventLog;
  readonly logger: Pick<Logger, 'warn'>;
  readonly intervalMs: number;
}): ReplyLeaseKeeper {
  const { store, runner, log, logger } = deps;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const tick = async () => {
    // Never rejects: a store that is down now is tried again next round.
    if (!runner.busyWithin(deps.intervalMs * 3)) return;
    try {
      await store.renewReplies(runner.runningIds());
      const interrupted = await store.failInterruptedReplies();
      if (interrupted.length > 0) {
        logger.warn({ replies: interrupted.length }, 'Replies whose writer stopped marked FAILED');
        await endInterruptedStreams(interrupted, log, logger);
      }
    } catch (error) {
      logger.warn({ err: error }, 'Could not renew or sweep reply leases');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = tick().then(schedule);
    }, deps.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
