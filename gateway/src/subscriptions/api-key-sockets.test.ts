import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@sophia/kit';
import { AuthenticationError, type CallerAuthenticator } from '../auth/authenticate.ts';
import { watchApiKeySockets } from './api-key-sockets.ts';

/** A socket as far as the watcher sees one: it can be closed, and says so. */
class Socket extends EventEmitter {
  closed: { code: number; reason: string } | undefined;
  close(code: number, reason: string) {
    this.closed = { code, reason };
    this.emit('close');
  }
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
};

function setUp(recheckMs = 60_000) {
  const valid = new Set(['sk_a', 'sk_b']);
  let unreachable = false;
  const listeners: Array<(id: string) => void> = [];
  const authenticate: CallerAuthenticator = async (authorization) => {
    if (unreachable) throw new Error('store away');
    if (!valid.has(authorization!.replace('Bearer ', ''))) throw new AuthenticationError('Invalid API key.');
    return { viewer: ANONYMOUS };
  };
  const watcher = watchApiKeySockets({
    apiKeys: { onRevoked: (listener) => void listeners.push(listener), recheckMs },
    authenticate,
  });
  const open = (id: string, secret: string) => {
    const socket = new Socket();
    watcher.watch(socket as unknown as WebSocket, id, `Bearer ${secret}`);
    return socket;
  };
  return {
    watcher,
    open,
    revoke: (secret: string) => valid.delete(secret),
    announce: (id: string) => listeners.forEach((listener) => listener(id)),
    storeAway: (away: boolean) => (unreachable = away),
  };
}

describe('sockets opened with an API key', () => {
  it('close with 4403 when their key is announced revoked and the store agrees; others stay open', async () => {
    const { watcher, open, revoke, announce } = setUp();
    const a1 = open('a', 'sk_a');
    const a2 = open('a', 'sk_a');
    const b = open('b', 'sk_b');
    announce('a'); // a forged or early announcement: the store still has the key valid
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(a1.closed).toBeUndefined();
    revoke('sk_a');
    announce('a');
    await until(() => a1.closed !== undefined && a2.closed !== undefined);
    expect(a1.closed?.code).toBe(4403);
    expect(b.closed).toBeUndefined();
    watcher.close();
  });

  it('re-check on their own every recheckMs, so an unannounced revocation still closes them', async () => {
    const { watcher, open, revoke } = setUp(20);
    const socket = open('a', 'sk_a');
    revoke('sk_a');
    await until(() => socket.closed !== undefined);
    expect(socket.closed?.code).toBe(4403);
    watcher.close();
  });

  it('stay open while the key store cannot answer', async () => {
    const { watcher, open, announce, storeAway } = setUp(20);
    const socket = open('a', 'sk_a');
    storeAway(true);
    announce('a');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(socket.closed).toBeUndefined();
    watcher.close();
  });
});
