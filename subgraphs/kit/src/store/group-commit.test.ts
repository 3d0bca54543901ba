import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';
import { createSerialQueue } from './serial-queue.ts';

describe('createGroupCommit', () => {
  it('writes items that arrive while the store is busy in one commit, results in order', async () => {
    const commits: number[][] = [];
    const exclusive = createSerialQueue();
    const write = createGroupCommit<number, string>({
      exclusive,
      commit: async (items) => {
        commits.push([...items]);
        return items.map((item) => `row ${item}`);
      },
    });
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const busy = exclusive(() => gate);
    const results = Promise.all(Array.from({ length: 100 }, (_, i) => write(i)));
    release();
    await busy;
    expect(await results).toEqual(Array.from({ length: 100 }, (_, i) => `row ${i}`));
    expect(commits).toEqual([Array.from({ length: 100 }, (_, i) => i)]);
  });

  it('splits what waits into commits of at most maxItems', async () => {
    const sizes: number[] = [];
    const write = createGroupCommit<number, number>({
      exclusive: createSerialQueue(),
      maxItems: 40,
      commit: async (items) => (sizes.push(items.length), [...items]),
    });
    await Promise.all(Array.from({ length: 100 }, (_, i) => write(i)));
    expect(sizes.every((size) => size <= 40)).toBe(true);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(100);
  });

  it('refuses an item abandoned before its batch is taken, and writes the others together', async () => {
    const commits: number[][] = [];
    const write = createGroupCommit<number, number>({
      exclusive: createSerialQueue(),
      abandoned: (item) => (item === 2 ? new Error('its caller gave up') : undefined),
      commit: async (items) => (commits.push([...items]), [...items]),
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map((item) => write(item)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ reason: new Error('its caller gave up') });
    expect(commits).toEqual([[1, 3]]);
  });

  it('fails only the item that cannot be written when its batch fails', async () => {
    const write = createGroupCommit<number, number>({
      exclusive: createSerialQueue(),
      commit: async (items) => {
        if (items.includes(13)) throw new Error('constraint violated by 13');
        return items.map((item) => item * 2);
      },
    });
    const outcomes = await Promise.allSettled([11, 12, 13, 14].map((item) => write(item)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(outcomes[3]).toEqual({ status: 'fulfilled', value: 28 });
  });
});
