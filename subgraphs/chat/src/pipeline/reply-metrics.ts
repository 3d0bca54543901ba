import { Histogram, type Registry } from 'prom-client';

export type ReplyMetrics = ReturnType<typeof createReplyMetrics>;

/** How long replies take: to the first token (the chat SLO, p95 < 2 s) and to their end, by outcome. */
export function createReplyMetrics(registry: Registry) {
  const buckets = [0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 20, 60];
  return {
    firstToken: new Histogram({
      name: 'sophia_chat_first_token_seconds',
      help: 'From sendMessage to the first token of its reply.',
      buckets,
      registers: [registry],
    }),
    reply: new Histogram({
      name: 'sophia_chat_reply_seconds',
      help: 'From sendMessage to the end of its reply, by how it ended (COMPLETE, FAILED, CANCELLED).',
      labelNames: ['outcome'] as const,
      buckets,
      registers: [registry],
    }),
  };
}
