import type { SubscriptionNode } from '@apollo/query-planner';

/** How long a settled resolution still serves subscribers that receive the same event later. */
const LINGER_MS = 100;

/**
 * Resolutions shared by subscriptions that receive the same event for the same plan, variables and viewer:
 * their entity fetches would be identical, so one runs and every such subscriber gets its result. Without it
 * N subscribers to one event cost N `_entities` calls per subgraph. An entry lives while it resolves and
 * briefly after, so a later event with the same content is resolved afresh.
 */
export class SharedResolutions<TResult> {
  private readonly byPlan = new WeakMap<SubscriptionNode, Map<string, Promise<TResult>>>();

  resolve(plan: SubscriptionNode, key: string, work: () => Promise<TResult>): Promise<TResult> {
    let entries = this.byPlan.get(plan);
    if (!entries) {
      entries = new Map();
      this.byPlan.set(plan, entries);
    }
    const shared = entries.get(key);
    if (shared) return shared;
    const result = work();
    entries.set(key, result);
    const forget = () => setTimeout(() => entries.delete(key), LINGER_MS).unref();
    result.then(forget, forget);
    return result;
  }
}
