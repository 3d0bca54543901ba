import { createEventQueue, type EventQueue } from './event-queue.ts';
import { SophiaError } from './errors.ts';
import type { FeedTransport } from './feed-transport.ts';

export interface FeedSubscription<T> {
  /** What the subscriber reads. */
  readonly queue: EventQueue<T>;
  /** Hands this subscriber one event directly (e.g. the current state, read after subscribing). */
  readonly deliver: (event: T) => void;
}

export interface FeedOptions {
  /** @default none: events stay in this process */
  readonly transport?: FeedTransport;
  /** Told when an event could not be sent through the transport. @default dropped */
  readonly onError?: (error: unknown) => void;
}

/**
 * Pubsub for subscriptions: `publish` hands each event to every subscriber whose `accepts` takes it, in publish
 * order, through a bounded queue. A subscriber that falls `capacity` events behind is cut off with RATE_LIMITED
 * (so a stalled reader cannot grow memory); one whose `isLast` event arrived is ended. Without a transport the
 * feed is this process's; with one (Redis when REDIS_URL is set) events are JSON and every replica that
 * `start`ed on the same channel delivers every replica's events, its own included once they come back.
 */
export class Feed<T> {
  private readonly subscribers = new Set<(event: T) => void>();

  constructor(private readonly options: FeedOptions = {}) {}

  /** Starts listening on the transport (nothing to do without one); resolves once events are received. */
  async start(): Promise<void> {
    await this.options.transport?.listen((message) => this.deliver(JSON.parse(message) as T));
  }

  publish(event: T): void {
    const { transport } = this.options;
    if (!transport) return this.deliver(event);
    transport.publish(JSON.stringify(event)).catch(this.options.onError ?? (() => undefined));
  }

  async close(): Promise<void> {
    await this.options.transport?.close();
  }

  private deliver(event: T): void {
    for (const deliver of this.subscribers) deliver(event);
  }

  subscribe(options: {
    readonly capacity: number;
    readonly accepts?: (event: T) => boolean;
    readonly isLast?: (event: T) => boolean;
  }): FeedSubscription<T> {
    const queue = createEventQueue<T>({ capacity: options.capacity, onReturn: () => stop() });
    let ended = false;
    const stop = () => {
      ended = true;
      this.subscribers.delete(deliver);
    };
    const deliver = (event: T) => {
      if (ended || (options.accepts && !options.accepts(event))) return;
      if (!queue.push(event)) {
        stop();
        queue.end(
          new SophiaError(
            'RATE_LIMITED',
            `The subscriber fell ${options.capacity} events behind and was cut off; subscribe again.`,
          ),
        );
      } else if (options.isLast?.(event)) {
        stop();
        queue.end();
      }
    };
    this.subscribers.add(deliver);
    return { queue, deliver };
  }

  /** Open subscriptions (for tests: none may be left once their clients leave). */
  get subscriberCount(): number {
    return this.subscribers.size;
  }
}
