import { describe, expect, it, vi } from 'vitest';
import { createEventQueue } from './event-queue.ts';

describe('createEventQueue', () => {
  it('hands events to the reader in order, whether they waited or the reader did', async () => {
    const queue = createEventQueue<number>({ capacity: 10 });
    queue.push(1);
    queue.push(2);
    expect(await queue.next()).toEqual({ done: false, value: 1 });
    expect(await queue.next()).toEqual({ done: false, value: 2 });
    const third = queue.next();
    queue.push(3);
    expect(await third).toEqual({ done: false, value: 3 });
  });

  it('refuses an event beyond its capacity instead of growing', () => {
    const queue = createEventQueue<number>({ capacity: 2 });
    expect([queue.push(1), queue.push(2), queue.push(3)]).toEqual([true, true, false]);
    expect(queue.size).toBe(2);
  });

  it('ends after the waiting events, with the error once when there is one', async () => {
    const queue = createEventQueue<number>({ capacity: 10 });
    queue.push(1);
    queue.end(new Error('gone'));
    expect(await queue.next()).toEqual({ done: false, value: 1 });
    await expect(queue.next()).rejects.toThrow('gone');
    expect(await queue.next()).toEqual({ done: true, value: undefined });
  });

  it('ends a waiting read at once on return, drops what waits and tells the producer once', async () => {
    const onReturn = vi.fn();
    const queue = createEventQueue<number>({ capacity: 10, onReturn });
    const waiting = queue.next();
    await queue.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    queue.push(1);
    await queue.return();
    expect(await queue.next()).toEqual({ done: true, value: undefined });
    expect(onReturn).toHaveBeenCalledTimes(1);
  });
});
