import { Redis } from 'ioredis';
import { createEventQueue, SophiaError, traceRedis } from '@sophia/kit';
import {
  isFinal,
  READER_CAPACITY,
  type ChatEventRecord,
  type ReplyEventLog,
  type ReplyStreamInfo,
} from './types.ts';

export interface RedisEventLogOptions {
  readonly url: string;
  /** Events kept per stream (`XADD … MAXLEN ~ n`). */
  readonly maxEvents: number;
  /** How long a finished stream stays readable. */
  readonly ttlSeconds: number;
  /** Prefix of every key and channel, so that tests and deployments can share a server. @default 'sophia:chat' */
  readonly keyPrefix?: string;
  /** @default an error is dropped (the commands that fail report it themselves) */
  readonly onError?: (error: unknown) => void;
}

/** An unfinished stream still expires, so a reply whose process died does not stay forever. */
const OPEN_TTL_SECONDS = 24 * 3600;
/** How long one XREAD waits before it checks the stream still exists. */
const BLOCK_MS = 5_000;
const READ_BATCH = 500;

const CLIENT_OPTIONS = { maxRetriesPerRequest: 3 } as const;

type XReadReply = Array<[key: string, entries: Array<[id: string, fields: string[]]>]> | null;

/**
 * The event log on Redis Streams, shared by every chat process. Entry ids are `0-<seq>`, so the resume cursor
 * is the stream id itself: `XREAD … STREAMS key 0-<after>` returns exactly the events after it.
 */
export function createRedisEventLog(options: RedisEventLogOptions): ReplyEventLog {
  const prefix = options.keyPrefix ?? 'sophia:chat';
  const onError = options.onError ?? (() => undefined);
  const redis = traceRedis(new Redis(options.url, CLIENT_OPTIONS));
  redis.on('error', onError);
  const streamKey = (messageId: string) => `${prefix}:reply:${messageId}:events`;
  const infoKey = (messageId: string) => `${prefix}:reply:${messageId}:info`;
  const cancelChannel = `${prefix}:cancel`;
  const readers = new Set<Redis>();
  // Nothing new after the cursor: the stream may already have ended (a reader resuming after the last
  // event) or expired; either way there is nothing more to wait for.
  const finishedOrGone = async (connection: Redis, messageId: string) => {
    const [last] = await connection.xrevrange(streamKey(messageId), '+', '-', 'COUNT', 1);
    if (last && isFinal(JSON.parse(last[1][1] ?? 'null') as ChatEventRecord)) return true;
    return (await connection.exists(infoKey(messageId))) === 0;
  };
  let subscriber: Redis | undefined;
  let subscribed: Promise<void> = Promise.resolve();

  return {
    open: async (info) => {
      await redis.set(infoKey(info.messageId), JSON.stringify(info), 'EX', OPEN_TTL_SECONDS);
    },
    append: async (messageId, event) => {
      const key = streamKey(messageId);
      const ttl = isFinal(event) ? options.ttlSeconds : OPEN_TTL_SECONDS;
      const multi = redis
        .multi()
        .xadd(key, 'MAXLEN', '~', options.maxEvents, `0-${event.seq}`, 'e', JSON.stringify(event));
      if (event.seq === 1 || isFinal(event)) multi.expire(key, ttl).expire(infoKey(messageId), ttl);
      const results = await multi.exec();
      const failed = results?.find(([error]) => error !== null)?.[0];
      if (failed) throw failed;
    },
    lastSeq: async (messageId) => {
      const [last] = await redis.xrevrange(streamKey(messageId), '+', '-', 'COUNT', 1);
      return last ? (JSON.parse(last[1][1] ?? 'null') as ChatEventRecord).seq : 0;
    },
    info: async (messageId) => {
      const json = await redis.get(infoKey(messageId));
      return json === null ? null : (JSON.parse(json) as ReplyStreamInfo);
    },
    read: (messageId, after) => {
      // A blocking read holds its connection, so every reader has its own; closing it ends a pending XREAD.
      const connection = redis.duplicate();
      connection.on('error', onError);
      readers.add(connection);
      let stopped = false;
      const stop = () => {
        stopped = true;
        readers.delete(connection);
        connection.disconnect();
      };
      const queue = createEventQueue<ChatEventRecord>({ capacity: READER_CAPACITY, onReturn: stop });
      const pump = async () => {
        let cursor = after;
        // The first read does not block, so a reader resuming after the last event ends at once.
        let blockMs = 0;
        for (;;) {
          const key = streamKey(messageId);
          const reply = (
            blockMs === 0
              ? await connection.xread('COUNT', READ_BATCH, 'STREAMS', key, `0-${cursor}`)
              : await connection.xread('COUNT', READ_BATCH, 'BLOCK', blockMs, 'STREAMS', key, `0-${cursor}`)
          ) as XReadReply;
          blockMs = BLOCK_MS;
          if (stopped) return;
          const entries = reply?.[0]?.[1] ?? [];
          if (entries.length === 0 && (await finishedOrGone(connection, messageId))) return;
          for (const [, fields] of entries) {
            const event = JSON.parse(fields[1] ?? 'null') as ChatEventRecord;
            cursor = event.seq;
            if (!queue.push(event)) {
              throw new SophiaError('RATE_LIMITED', 'The reader fell too far behind; resume with `after`.');
            }
            if (isFinal(event)) return;
          }
        }
      };
      pump().then(
        () => {
          queue.end();
          if (!stopped) stop();
        },
        (error: unknown) => {
          if (stopped) return;
          queue.end(
            error instanceof SophiaError
              ? error
              : new SophiaError('DOWNSTREAM_SERVICE_ERROR', 'The reply event log (Redis) failed.'),
          );
          stop();
        },
      );
      return queue;
    },
    requestCancel: async (messageId) => {
      await redis.publish(cancelChannel, messageId);
    },
    onCancelRequest: async (listener) => {
      if (!subscriber) {
        subscriber = redis.duplicate();
        subscriber.on('error', onError);
        subscribed = subscriber.subscribe(cancelChannel).then(() => undefined);
      }
      subscriber.on('message', (channel: string, messageId: string) => {
        if (channel === cancelChannel) listener(messageId);
      });
      await subscribed;
    },
    close: async () => {
      for (const reader of readers) reader.disconnect();
      readers.clear();
      subscriber?.disconnect();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
