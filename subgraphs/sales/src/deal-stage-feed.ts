import { Feed } from '@sophia/kit';
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
export class DealStageFeed extends Feed<DealStageChangedEventRow> {
  subscribeTo(filter: DealStageFilter): AsyncIterableIterator<DealStageChangedEventRow> {
    return this.subscribe({
      capacity: SUBSCRIBER_CAPACITY,
      accepts: (event) =>
        (!filter.ownerId || event.deal.ownerId === filter.ownerId) &&
        (!filter.accountId || event.deal.accountId === filter.accountId),
    }).queue;
  }
}
