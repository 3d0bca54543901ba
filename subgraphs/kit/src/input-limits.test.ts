import { describe, expect, it } from 'vitest';
import { SophiaError } from './errors.ts';
import { boundedCount, boundedList, boundedText, longestList } from './input-limits.ts';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof SophiaError
      ? { code: error.extensions['code'], ...error.extensions, message: error.message }
      : error;
  }
  return undefined;
};

describe('input limits', () => {
  it('bounds a count, naming the argument and its range', () => {
    expect(boundedCount(undefined, { argument: 'first', max: 100, fallback: 20 })).toBe(20);
    expect(boundedCount(100, { argument: 'first', max: 100, fallback: 20 })).toBe(100);
    for (const bad of [0, 101, 1.5, -1]) {
      expect(refusal(() => boundedCount(bad, { argument: 'first', max: 100, fallback: 20 }))).toEqual({
        code: 'BAD_USER_INPUT',
        argument: 'first',
        message: '`first` must be between 1 and 100.',
      });
    }
  });

  it('bounds a list before anything spreads it, even at 150,000 entries', () => {
    expect(boundedList(['A', 'B'], 'filter.stages')).toEqual(['A', 'B']);
    expect(boundedList(null, 'filter.stages')).toBeUndefined();
    expect(refusal(() => boundedList(new Array(150_000).fill('LEAD'), 'filter.stages'))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'filter.stages',
      message: '`filter.stages` takes at most 10 entries (it has 150,000).',
    });
  });

  it('bounds and trims a search text', () => {
    expect(boundedText('  acme ', 'search')).toBe('acme');
    expect(boundedText('   ', 'search')).toBeUndefined();
    expect(refusal(() => boundedText('x'.repeat(201), 'search'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'search',
    });
  });

  it('finds the longest list in nested variables without recursion, stopping early', () => {
    expect(longestList({ a: [1, 2, 3], b: { c: [[1, 2, 3, 4, 5]] } })).toBe(5);
    expect(longestList('text')).toBe(0);
    let deep: unknown = [1, 2];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(longestList(deep)).toBe(2);
    expect(longestList({ big: new Array(50_000).fill(0) }, 10_000)).toBe(50_000);
  });
});
