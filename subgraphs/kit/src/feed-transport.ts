import { Redis } from 'ioredis';
import { traceRedis } from './telemetry/redis-spans.ts';

/**
 * Where a feed's events travel between publish and delivery. Without one a feed stays in its process; with
 * one, every process listening on the same channel delivers every process's events.
 */
export interface FeedTransport {
  /** Sends one serialized event to every listening process, this one included. */
  publish(message: string): Promise<void>;
  /** Calls `onMessage` with every event published on the channel from now on; resolves once listening. */
  listen(onMessage: (message: string) => void): Promise<void>;
  close(): Promise<void>;
}

export interface RedisFeedTransportOptions {
  readonly url: string;
  /** The pub/sub channel, one per feed (e.g. `sophia:sales:deal-stage-changed`). */
  readonly channel: string;
  /** @default an error is dropped (the commands that fail report it themselves) */
  readonly onError?: (error: unknown) => void;
}

const CLIENT_OPTIONS = { maxRetriesPerRequest: 3 } as const;

/**
 * Redis pub/sub: live events only, in publish order per publisher, no replay. A subscription is a live view, so
 * an event missed while a process was away is not owed to it (durable consumers read an outbox instead).
 */
export function createRedisFeedTransport(options: RedisFeedTransportOptions): FeedTransport {
  const onError = options.onError ?? (() => undefined);
  const publisher = traceRedis(new Redis(options.url, CLIENT_OPTIONS));
  publisher.on('error', onError);
  let subscriber: Redis | undefined;
  return {
    publish: async (message) => {
      await publisher.publish(options.channel, message);
    },
    listen: async (onMessage) => {
      // A subscribed connection can run nothing else, so listening has its own.
      subscriber ??= publisher.duplicate();
      subscriber.on('error', onError);
      subscriber.on('message', (channel: string, message: string) => {
        if (channel === options.channel) onMessage(message);
      });
      await subscriber.subscribe(options.channel);
    },
    close: async () => {
      subscriber?.disconnect();
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}

/**
 * A feed's options for one channel: through Redis when `redisUrl` is set (every replica on the channel hears
 * every replica), in this process otherwise; `onError` hears publishes and connections that fail.
 */
export function feedOptionsFor(
  redisUrl: string | undefined,
  channel: string,
  onError: (error: unknown) => void,
): { readonly transport?: FeedTransport; readonly onError: (error: unknown) => void } {
  return {
    ...(redisUrl ? { transport: createRedisFeedTransport({ url: redisUrl, channel, onError }) } : {}),
    onError,
  };
}
