/**
 * A bounded, single-consumer queue read as an async iterator: what a subscription's events wait in between the
 * producer (a pubsub, an upstream socket) and the socket that sends them. `return()` ends it at once, even while
 * the consumer waits — unlike an async generator, whose `return()` queues behind a pending `next()`.
 */
export interface EventQueue<T> extends AsyncIterableIterator<T> {
  /** Adds an event; false when `capacity` events already wait (the caller decides what overflow means). */
  push(value: T): boolean;
  /** Ends the stream after the waiting events; with an error, the consumer's next read throws it. */
  end(error?: unknown): void;
  /** Stops reading: drops the waiting events, ends a pending read, calls `onReturn`. */
  return(): Promise<IteratorReturnResult<undefined>>;
  /** Events waiting to be read. */
  readonly size: number;
}

export interface EventQueueOptions {
  /** Most events that may wait unread. */
  readonly capacity: number;
  /** Called once when the consumer stops reading early (`return()`), to release the producer. */
  readonly onReturn?: () => void;
}

export function createEventQueue<T>(options: EventQueueOptions): EventQueue<T> {
  const waiting: T[] = [];
  let reader: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  let ended: { error?: unknown } | undefined;
  let returned = false;

  const done = (): IteratorReturnResult<undefined> => ({ done: true, value: undefined });
  const settleReader = () => {
    if (!reader || !ended) return;
    const current = reader;
    reader = undefined;
    if (ended.error === undefined) current.resolve(done());
    else current.reject(ended.error);
  };

  const queue: EventQueue<T> = {
    get size() {
      return waiting.length;
    },
    push(value) {
      if (ended || returned) return true;
      if (reader) {
        const current = reader;
        reader = undefined;
        current.resolve({ done: false, value });
        return true;
      }
      if (waiting.length >= options.capacity) return false;
      waiting.push(value);
      return true;
    },
    end(error) {
      if (ended) return;
      ended = error === undefined ? {} : { error };
      settleReader();
    },
    next() {
      if (waiting.length > 0) return Promise.resolve({ done: false, value: waiting.shift() as T });
      if (returned) return Promise.resolve(done());
      if (ended) {
        const { error } = ended;
        ended = {}; // an error is read once; later reads see the end
        return error === undefined ? Promise.resolve(done()) : Promise.reject(error);
      }
      return new Promise((resolve, reject) => {
        reader = { resolve, reject };
      });
    },
    return() {
      if (!returned) {
        returned = true;
        waiting.length = 0;
        ended ??= {};
        reader?.resolve(done());
        reader = undefined;
        options.onReturn?.();
      }
      return Promise.resolve(done());
    },
    [Symbol.asyncIterator]() {
      return queue;
    },
  };
  return queue;
}
