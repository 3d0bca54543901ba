import { createEventQueue, SophiaError } from '@sophia/kit';
import type { DealStageChangedEventRow } from './store/rows.ts';

/** Events one subscriber may leave unread before it is cut off, so a stalled reader cannot grow memory. */
export const SUBSCRIBER_CAPACITY = 1_000;

/** Narrows `dealStageChanged` to one owner's or one account's deals. */
export interface DealStageFilter {
  readonly ownerId?: string | null | undefined;
  readonly accountId?: string | null | undefined;
}

/**
 * In-process pubsub of stage changes: the store publishes each committed move, every open subscription reads
 * the ones that match its filter, in commit order.
 */
export class DealStageFeed {
  private readonly subscribers = new Set<(event: DealStageChangedEventRow) => void>();

  publish(event: DealStageChangedEventRow): void {
    for (const deliver of this.subscribers) deliver(event);
  }

  subscribe(filter: DealStageFilter): AsyncIterableIterator<DealStageChangedEventRow> {
    const queue = createEventQueue<DealStageChangedEventRow>({
      capacity: SUBSCRIBER_CAPACITY,
      onReturn: () => this.subscribers.delete(deliver),
    });
    const deliver = (event: DealStageChangedEventRow) => {
      if (filter.ownerId && event.deal.ownerId !== filter.ownerId) return;
      if (filter.accountId && event.deal.accountId !== filter.accountId) return;
      if (queue.push(event)) return;
      this.subscribers.delete(deliver);
      queue.end(
        new SophiaError(
          'RATE_LIMITED',
          `The subscriber fell ${SUBSCRIBER_CAPACITY} events behind and was cut off; subscribe again.`,
        ),
      );
    };
    this.subscribers.add(deliver);
    return queue;
  }

  /** Open subscriptions (for tests: none may be left once their clients leave). */
  get subscriberCount(): number {
    return this.subscribers.size;
  }
}
