import type { ChatConfig } from '../env.ts';
import { createInProcessEventLog } from './in-process-event-log.ts';
import { createRedisEventLog } from './redis-event-log.ts';
import type { ReplyEventLog } from './types.ts';

export * from './types.ts';
export { createInProcessEventLog } from './in-process-event-log.ts';
export { createRedisEventLog } from './redis-event-log.ts';

/** Redis Streams when REDIS_URL is set (every chat pod reads every reply), otherwise this process's memory. */
export function createEventLog(config: ChatConfig, onError?: (error: unknown) => void): ReplyEventLog {
  if (config.REDIS_URL) {
    return createRedisEventLog({
      url: config.REDIS_URL,
      maxEvents: config.CHAT_STREAM_MAX_EVENTS,
      ttlSeconds: config.CHAT_STREAM_TTL_SECONDS,
      ...(onError ? { onError } : {}),
    });
  }
  return createInProcessEventLog({
    maxEvents: config.CHAT_STREAM_MAX_EVENTS,
    ttlMs: config.CHAT_STREAM_TTL_SECONDS * 1000,
  });
}
