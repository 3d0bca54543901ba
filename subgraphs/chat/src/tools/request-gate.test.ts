import { describe, expect, it } from 'vitest';
import { RequestGate, type Release } from './request-gate.ts';

/** A promise's state after the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<'pending' | 'resolved' | 'rejected'> {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return state;
}

describe('RequestGate', () => {
  it('lets `limit` requests through at once and holds the next until one ends', async () => {
    const gate = new RequestGate(2);
    const first = await gate.acquire();
    await gate.acquire();
    const third = gate.acquire();
    expect(await settled(third)).toBe('pending');
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(1);
    first();
    expect(await settled(third)).toBe('resolved');
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(0);
  });

  it('gives background work a lane of its own: it never takes an answer slot, and answers never starve it', async () => {
    const gate = new RequestGate(1);
    const answering = await gate.acquire('answer');
    // The answer lane is full; background work still goes, and an answer waits only for its own lane.
    const remembering = await gate.acquire('background');
    const nextAnswer = gate.acquire('answer');
    const nextBackground = gate.acquire('background');
    expect(await settled(nextAnswer)).toBe('pending');
    expect(await settled(nextBackground)).toBe('pending');
    remembering();
    expect(await settled(nextBackground)).toBe('resolved');
    expect(await settled(nextAnswer)).toBe('pending');
    answering();
    expect(await settled(nextAnswer)).toBe('resolved');
    (await nextAnswer)();
    (await nextBackground)();
    expect(gate.inFlight).toBe(0);
  });

  it('serves waiters of one priority in arrival order', async () => {
    const gate = new RequestGate(1);
    const held = await gate.acquire();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => gate.acquire().then((release) => (order.push(n), release)));
    held();
    for (const waiter of waiters) (await waiter)();
    expect(order).toEqual([1, 2, 3]);
  });

  it('counts a release once, however often it is called', async () => {
    const gate = new RequestGate(1);
    const release = await gate.acquire();
    release();
    release();
    expect(gate.inFlight).toBe(0);
    const again: Release = await gate.acquire();
    expect(gate.inFlight).toBe(1);
    expect(await settled(gate.acquire())).toBe('pending');
    again();
  });

  it('drops a waiter whose signal aborts, without losing the slot it would have had', async () => {
    const gate = new RequestGate(1);
    const held = await gate.acquire();
    const controller = new AbortController();
    const cancelled = gate.acquire('answer', controller.signal);
    const next = gate.acquire();
    controller.abort(new Error('reply cancelled'));
    await expect(cancelled).rejects.toThrow('reply cancelled');
    expect(gate.queued).toBe(1);
    held();
    expect(await settled(next)).toBe('resolved');
    expect(gate.inFlight).toBe(1);
  });

  it('refuses at once when the signal has already aborted', async () => {
    const gate = new RequestGate(1);
    await expect(gate.acquire('answer', AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    expect(gate.inFlight).toBe(0);
  });

  it('releases the slot of work that fails', async () => {
    const gate = new RequestGate(1);
    await expect(gate.run(() => Promise.reject(new Error('gateway down')))).rejects.toThrow('gateway down');
    expect(gate.inFlight).toBe(0);
    await expect(gate.run(async () => 'ok')).resolves.toBe('ok');
  });

  it('needs a limit of at least one', () => {
    expect(() => new RequestGate(0)).toThrow(RangeError);
    expect(() => new RequestGate(1.5)).toThrow(RangeError);
  });
});
