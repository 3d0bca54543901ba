import { describe, expect, it } from 'vitest';
import { subgraphBudgetMs } from './subgraph-deadline.ts';

describe('subgraphBudgetMs', () => {
  it('leaves a tenth of the timeout for the commit and the answer, at most 500 ms', () => {
    expect(subgraphBudgetMs(10_000)).toBe(9_500);
    expect(subgraphBudgetMs(60_000)).toBe(59_500);
    expect(subgraphBudgetMs(2_000)).toBe(1_800);
    expect(subgraphBudgetMs(5)).toBe(5);
  });
});
