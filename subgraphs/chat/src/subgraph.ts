import {
  createLogger,
  createServiceMetrics,
  createSubgraph,
  loadSchemaFile,
  serviceSecurityOf,
  type Logger,
  type Subgraph,
} from '@sophia/kit';
import { createAnalyst, understand as analystUnderstand } from './analyst/index.ts';
import { ChatService } from './chat-service.ts';
import type { ChatContext } from './context.ts';
import type { ChatConfig } from './env.ts';
import { createEventLog, type ReplyEventLog } from './event-log/index.ts';
import { createMessageRateLimit } from './message-rate-limit.ts';
import { createLlmSynthesizer } from './llm/llm-synthesizer.ts';
import { createChatLoaders } from './loaders.ts';
import { endInterruptedStreams } from './pipeline/interrupted-replies.ts';
import { createReplyMetrics } from './pipeline/reply-metrics.ts';
import { keepReplyLeases } from './pipeline/reply-leases.ts';
import { ReplyRunner } from './pipeline/reply-runner.ts';
import type { SynthesizerFor, Understand } from './pipeline/run-reply.ts';
import { resolvers } from './resolvers/index.ts';
import { ChatStore } from './store.ts';
import type { ReplyLease } from './store/reply-lease.ts';
import { McpConnectionPool } from './tools/mcp-connection-pool.ts';
import { RequestGate } from './tools/request-gate.ts';
import { createToolbox, type ToolboxFactory } from './tools/toolbox.ts';

export interface ChatSubgraph extends Subgraph {
  /** The store, for the chat pipeline and for tests that set up conversations. */
  readonly store: ChatStore;
  /** The reply event log (in-process, or Redis Streams with REDIS_URL). */
  readonly eventLog: ReplyEventLog;
}

export interface ChatSubgraphOptions {
  /** @default a pino logger at the configured LOG_LEVEL */
  readonly logger?: Logger;
  /** @default the built-in analyst's */
  readonly understand?: Understand;
  /** @default the LLM with LLM_BASE_URL, otherwise the built-in analyst */
  readonly synthesizerFor?: SynthesizerFor;
  /** @default the gateway's `/mcp` (SOPHIA_GATEWAY_URL) and MCP_SERVERS, as the reply's viewer */
  readonly toolboxFor?: ToolboxFactory;
  /** @default a new replica id, CHAT_REPLY_LEASE_SECONDS, real time */
  readonly lease?: Partial<ReplyLease>;
}

/** How the answer is written: the configured LLM, or the built-in analyst. */
function defaultSynthesizer(config: ChatConfig): SynthesizerFor {
  if (config.LLM_BASE_URL && config.LLM_MODEL) {
    const llm = {
      baseUrl: config.LLM_BASE_URL,
      model: config.LLM_MODEL,
      apiKey: config.LLM_API_KEY,
      timeoutMs: config.LLM_TIMEOUT_MS,
      maxToolRounds: config.LLM_MAX_TOOL_ROUNDS,
    };
    return (toolbox) => createLlmSynthesizer(llm, toolbox);
  }
  const analyst = createAnalyst();
  return () => analyst;
}

/** Builds the chat subgraph over its store, its event log and the reply pipeline, without binding a port. */
export async function createChatSubgraph(
  config: ChatConfig,
  options: ChatSubgraphOptions = {},
): Promise<ChatSubgraph> {
  const logger = options.logger ?? createLogger('chat', config.LOG_LEVEL);
  const metrics = createServiceMetrics('chat');
  const store = await ChatStore.open(config, options.lease ? { lease: options.lease } : {});
  const interrupted = await store.failInterruptedReplies({ starting: true }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  if (interrupted.length > 0)
    logger.warn({ replies: interrupted.length }, 'Replies cut off by a stop marked FAILED');
  const eventLog = createEventLog(config, (error) =>
    logger.warn({ err: error }, 'Reply event log (Redis) error'),
  );
  const pool = new McpConnectionPool();
  const gate = new RequestGate(config.CHAT_TOOL_CONCURRENCY);
  const toolboxFor: ToolboxFactory =
    options.toolboxFor ??
    ((context) =>
      createToolbox({
        ...context,
        pool,
        gatewayUrl: config.SOPHIA_GATEWAY_URL,
        transport: config.CHAT_TOOL_TRANSPORT,
        servers: config.mcpServers,
        internalTokenSecret: config.INTERNAL_TOKEN_SECRET,
        timeoutMs: config.CHAT_TOOL_TIMEOUT_MS,
        gate,
      }));
  const runner = new ReplyRunner({
    store,
    log: eventLog,
    logger,
    understand: options.understand ?? analystUnderstand,
    synthesizerFor: options.synthesizerFor ?? defaultSynthesizer(config),
    toolboxFor,
    metrics: createReplyMetrics(metrics.registry),
  });
  const limiter = createMessageRateLimit({
    perMinute: config.CHAT_RATE_PER_MINUTE,
    redisUrl: config.REDIS_URL,
    onRedisError: (error) => logger.warn({ err: error }, 'Message rate limit (Redis) error'),
  });
  const chat = new ChatService({
    store,
    log: eventLog,
    runner,
    limiter,
    maxMessageChars: config.CHAT_MAX_MESSAGE_CHARS,
    cancelWaitMs: config.CHAT_TOOL_TIMEOUT_MS,
  });
  // Not awaited here: a Redis that is down must not stop the service starting (closing waits for it).
  const endingStreams = endInterruptedStreams(interrupted, eventLog, logger);
  // Not awaited: a Redis that is down must not stop the service starting (ioredis subscribes once it is up).
  eventLog
    .onCancelRequest((messageId) => chat.onCancelRequest(messageId))
    .catch((error: unknown) => logger.warn({ err: error }, 'Cannot hear cancel requests yet'));
  const leases = keepReplyLeases({
    store,
    runner,
    log: eventLog,
    logger,
    intervalMs: (config.CHAT_REPLY_LEASE_SECONDS * 1000) / 3,
  });
  const release = async () => {
    await endingStreams;
    await leases.stop();
    await runner.shutdown();
    await pool.close();
    await eventLog.close();
    await limiter.close();
    await store.close();
  };
  try {
    const subgraph = await createSubgraph<ChatContext>({
      name: 'chat',
      typeDefs: loadSchemaFile(new URL('./schema.graphql', import.meta.url)),
      resolvers,
      ...serviceSecurityOf(config),
      logger,
      metrics,
      createContext: (base) => ({ ...base, store, chat, loaders: createChatLoaders(store, base.viewer) }),
      onClose: release,
    });
    return { ...subgraph, store, eventLog };
  } catch (error) {
    await release();
    throw error;
  }
}
