import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight.ts';

describe('singleFlight', () => {
  it('gives concurrent calls of one key one run, other keys their own, and runs again once settled', async () => {
    const runs: string[] = [];
    const lookup = singleFlight(async (key: string) => {
      runs.push(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `${key}:${runs.length}`;
    });
    const answers = await Promise.all([lookup('a'), lookup('a'), lookup('b'), lookup('a')]);
    expect(answers).toEqual(['a:2', 'a:2', 'b:2', 'a:2']);
    expect(runs).toEqual(['a', 'b']);
    expect(await lookup('a')).toBe('a:3');
  });

  it('shares a failure with the calls waiting on it, then tries again', async () => {
    let calls = 0;
    const lookup = singleFlight(async () => {
      calls += 1;
      if (calls === 1) throw new Error('store unavailable');
      return 'ok';
    });
    const first = [lookup('k'), lookup('k')];
    await expect(Promise.all(first)).rejects.toThrow('store unavailable');
    expect(await lookup('k')).toBe('ok');
    expect(calls).toBe(2);
  });
});
