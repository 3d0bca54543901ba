import { requireViewer } from '@sophia/kit';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.ts';
import type { SalesContext } from '../context.ts';
import { forgetLoaded } from '../loaders.ts';
import type { DealStageChangedEventRow } from '../store/rows.ts';

export const Subscription: SubscriptionResolvers = {
  dealStageChanged: {
    subscribe: (_, { ownerId, accountId }, { viewer, stageChanges }) => {
      requireViewer(viewer);
      return stageChanges.subscribeTo({ ownerId, accountId });
    },
    // One context serves every event of a subscription: its loaders must not answer a later event from what
    // they cached for an earlier one (the account's totals change as its deals move). What the event carries,
    // loaded once for every subscriber, is primed so that N subscribers do not query it N times.
    resolve: (event: DealStageChangedEventRow, _: unknown, { loaders }: SalesContext) => {
      forgetLoaded(loaders);
      loaders.deal.prime(event.deal.id, event.deal);
      loaders.account.prime(event.account.id, event.account);
      loaders.stageHistory.prime(event.deal.id, event.stageHistory);
      return event;
    },
  },
};
