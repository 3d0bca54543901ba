import { createEventQueue, type EventQueue } from './event-queue.ts';
import { SophiaError } from './errors.ts';

export interface FeedSubscription<T> {
  /** What the subscriber reads. */
  readonly queue: EventQueue<T>;
  /** Hands this subscriber one event directly (e.g. the current state, read after subscribing). */
  readonly deliver: (event: T) => void;
}

/**
 * In-process pubsub for subscriptions: `publish` hands each event to every subscriber whose `accepts` takes
 * it, in publish order, through a bounded queue. A subscriber that falls `capacity` events behind is cut off
 * with RATE_LIMITED (so a stalled reader cannot grow memory); one whose `isLast` event arrived is ended.
 */
export class Feed<T> {
  private readonly subscribers = new Set<(event: T) => void>();

  publish(event: T): void {
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
