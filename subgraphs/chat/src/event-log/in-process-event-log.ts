import { createEventQueue, SophiaError } from '@sophia/kit';
import {
  isFinal,
  READER_CAPACITY,
  type ChatEventRecord,
  type ReplyEventLog,
  type ReplyStreamInfo,
} from './types.ts';

export interface InProcessEventLogOptions {
  /** Events kept per stream; older ones are dropped. */
  readonly maxEvents: number;
  /** How long a finished stream stays readable. */
  readonly ttlMs: number;
}

interface Stream {
  readonly info: ReplyStreamInfo;
  readonly events: ChatEventRecord[];
  readonly readers: Set<(event: ChatEventRecord) => void>;
}

/** The event log of a single chat process (the default): streams live in memory until their TTL. */
export function createInProcessEventLog(options: InProcessEventLogOptions): ReplyEventLog {
  const streams = new Map<string, Stream>();
  const timers = new Set<NodeJS.Timeout>();
  const cancelListeners: Array<(messageId: string) => void> = [];

  const expireLater = (messageId: string) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      streams.delete(messageId);
    }, options.ttlMs);
    timer.unref();
    timers.add(timer);
  };

  return {
    open: async (info) => {
      streams.set(info.messageId, { info, events: [], readers: new Set() });
    },
    append: async (messageId, event) => {
      const stream = streams.get(messageId);
      if (!stream) throw new Error(`Reply stream ${messageId} is not open.`);
      stream.events.push(event);
      if (stream.events.length > options.maxEvents) stream.events.shift();
      for (const deliver of stream.readers) deliver(event);
      if (isFinal(event)) expireLater(messageId);
    },
    lastSeq: async (messageId) => streams.get(messageId)?.events.at(-1)?.seq ?? 0,
    info: async (messageId) => streams.get(messageId)?.info ?? null,
    read: (messageId, after) => {
      const stream = streams.get(messageId);
      const queue = createEventQueue<ChatEventRecord>({
        capacity: READER_CAPACITY,
        onReturn: () => stream?.readers.delete(deliver),
      });
      const deliver = (event: ChatEventRecord) => {
        if (!queue.push(event)) {
          stream?.readers.delete(deliver);
          queue.end(new SophiaError('RATE_LIMITED', 'The reader fell too far behind; resume with `after`.'));
        } else if (isFinal(event)) {
          stream?.readers.delete(deliver);
          queue.end();
        }
      };
      if (!stream) {
        queue.end();
        return queue;
      }
      // Replay and subscribe in the same tick: appends are synchronous here, so nothing falls between.
      for (const event of stream.events) if (event.seq > after) deliver(event);
      if (stream.events.some(isFinal)) queue.end();
      else stream.readers.add(deliver);
      return queue;
    },
    requestCancel: async (messageId) => {
      for (const listener of cancelListeners) listener(messageId);
    },
    onCancelRequest: async (listener) => {
      cancelListeners.push(listener);
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      streams.clear();
    },
  };
}
