/** The most a subgraph's deadline falls before the gateway's own: room for a COMMIT to land and its answer to return. */
const MAX_MARGIN_MS = 500;

/**
 * The budget the gateway grants a subgraph request (the `x-sophia-timeout-ms` header): its timeout less a
 * margin of a tenth, at most 500 ms. The subgraph commits a mutation's writes only within that budget, so a
 * write whose COMMIT starts in time has finished before the gateway gives up and tells the caller it timed
 * out, unless that COMMIT and the answer's trip back take longer than the margin.
 */
export function subgraphBudgetMs(timeoutMs: number): number {
  return timeoutMs - Math.min(MAX_MARGIN_MS, Math.floor(timeoutMs / 10));
}
