import { Feed, feedOptionsFor } from '@sophia/kit';
import { DEAL_CHANGED_CHANNEL, type DealChange } from '@sophia/domain';

/**
 * The `deal-changed` feed: every committed deal change, as the outbox numbered it, for kpi. Through Redis when
 * a URL is given (every kpi replica hears every sales replica), in this process otherwise. A live feed may
 * drop an event (a replica away, Redis restarting); kpi's catch-up from the outbox makes up for it.
 */
export const createDealChangeFeed = (
  redisUrl: string | undefined,
  onError: (error: unknown) => void,
): Feed<DealChange> => new Feed<DealChange>(feedOptionsFor(redisUrl, DEAL_CHANGED_CHANNEL, onError));
