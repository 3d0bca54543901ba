import { describe, expect, it } from 'vitest';
import { ConnectionPool } from './connection-pool.ts';

/** A pool of numbered connections on a clock the test moves. */
function pool(size: number, maxWaitBehindMs = 1000) {
  let opened = 0;
  let now = 0;
  const connections = new ConnectionPool(
    async () => ++opened,
    size,
    maxWaitBehindMs,
    () => now,
  );
  return {
    connections,
    opened: () => opened,
    advance: (ms: number) => (now += ms),
  };
}

/** Holds a connection until `release` is called; `order` records who got one, in turn. */
function holder(
  connections: ConnectionPool<number>,
  name: string,
  order: string[],
  ahead = false,
): { done: Promise<void>; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = connections.use(async () => {
    order.push(name);
    await released;
  }, ahead);
  return { done, release };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the connection pool', () => {
  it('opens connections only as work asks for them, up to its size, and reuses released ones', async () => {
    const { connections, opened } = pool(2);
    await connections.use(async () => {});
    await connections.use(async () => {});
    expect(opened()).toBe(1);
    const order: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => holder(connections, name, order));
    await settle();
    expect(order).toEqual(['a', 'b']);
    expect(opened()).toBe(2);
    a!.release();
    await a!.done;
    await settle();
    expect(order).toEqual(['a', 'b', 'c']);
    b!.release();
    c!.release();
    await Promise.all([b!.done, c!.done]);
    expect(opened()).toBe(2);
  });

  it('gives a released connection to work a person waits on before work queued earlier', async () => {
    const { connections } = pool(1);
    const order: string[] = [];
    const first = holder(connections, 'first', order);
    await settle();
    const background = holder(connections, 'background', order);
    const send = holder(connections, 'send', order, true);
    await settle();
    first.release();
    await settle();
    expect(order).toEqual(['first', 'send']);
    send.release();
    await settle();
    expect(order).toEqual(['first', 'send', 'background']);
    background.release();
    await Promise.all([first.done, send.done, background.done]);
  });

  it('lets background work go first once it has waited longer than its limit: delayed, never starved', async () => {
    const { connections, advance } = pool(1, 1000);
    const order: string[] = [];
    const first = holder(connections, 'first', order);
    await settle();
    const background = holder(connections, 'background', order);
    advance(1001);
    const send = holder(connections, 'send', order, true);
    await settle();
    first.release();
    await settle();
    expect(order).toEqual(['first', 'background']);
    background.release();
    await settle();
    expect(order).toEqual(['first', 'background', 'send']);
    send.release();
    await Promise.all([first.done, send.done, background.done]);
  });

  it('hands the connection on when work fails, and the failure reaches its caller', async () => {
    const { connections, opened } = pool(1);
    await expect(
      connections.use(async () => {
        throw new Error('statement failed');
      }),
    ).rejects.toThrow('statement failed');
    expect(await connections.use(async (connection) => connection)).toBe(1);
    expect(opened()).toBe(1);
  });
});
