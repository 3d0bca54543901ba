import { rmSync } from 'node:fs';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createLogger, signViewerToken, VIEWER_CONNECTION_PARAM, type Viewer } from '@sophia/kit';
import {
  CEO,
  TEST_ANCHOR,
  TEST_SECRET,
  startSubgraph,
  tempDataDir,
  type RunningSubgraph,
} from '@sophia/kit/testing';
import { seedDemo } from '@sophia/ops/seed';
import { loadChatConfig } from '../src/env.ts';
import { createChatSubgraph, type ChatSubgraph, type ChatSubgraphOptions } from '../src/subgraph.ts';

export const OTHER: Viewer = Object.freeze({ userId: 'usr_002', roles: ['member'], scopes: [] });

export const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) {
  conversation { id title } userMessage { id content role status } reply { id role status content }
  errors { field code message } } }`;

export const CANCEL = `mutation Cancel($id: ID!) { cancelReply(messageId: $id) {
  message { id status content } errors { field code message } } }`;

export const STREAM = `subscription Stream($id: ID!, $after: Int) { replyStream(messageId: $id, after: $after) {
  seq type delta
  toolCall { id server name arguments ok errorCode durationMs }
  citation { __typename ... on Metric { id } ... on Memory { id } ... on Deal { id } ... on Account { id } }
  error { code message }
  message { id status content citations { __typename ... on Metric { id } ... on Memory { id } }
    conversation { id title } } } }`;

export interface StreamEvent {
  seq: number;
  type: string;
  delta: string | null;
  toolCall: {
    id: string;
    server: string;
    name: string;
    arguments: string;
    ok: boolean | null;
    errorCode: string | null;
  } | null;
  citation: { __typename: string; id: string } | null;
  error: { code: string; message: string } | null;
  message: {
    id: string;
    status: string;
    content: string;
    citations: Array<{ __typename: string; id: string }>;
    conversation: { id: string; title: string };
  } | null;
}

export interface RunningChat {
  readonly chat: ChatSubgraph;
  readonly running: RunningSubgraph;
  /** A graphql-ws client to this chat subgraph, as the gateway connects: the viewer in `connection_init`. */
  socket(viewer?: Viewer): Client;
  close(): Promise<void>;
}

/** A chat subgraph in-process on a free port over a fresh data directory. */
export async function startChat(
  env: Record<string, string>,
  options: ChatSubgraphOptions = {},
): Promise<RunningChat> {
  const dataDir = tempDataDir('chat');
  // The demo's clock, as `npm start` gives chat: "this quarter" is the test anchor's.
  await seedDemo({ dataDir, anchor: TEST_ANCHOR, only: ['chat'] });
  const config = loadChatConfig({
    SOPHIA_DATA_DIR: dataDir,
    SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const chat = await createChatSubgraph(config, { logger: createLogger('chat', 'silent'), ...options });
  const running = await startSubgraph(chat);
  const clients: Client[] = [];
  return {
    chat,
    running,
    socket: (viewer = CEO) => {
      const client = createClient({
        url: running.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: async () => ({
          [VIEWER_CONNECTION_PARAM]: await signViewerToken(viewer, TEST_SECRET),
        }),
      });
      clients.push(client);
      return client;
    },
    close: async () => {
      await Promise.all(clients.map((client) => client.dispose()));
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Follows a reply: resolves with every event to the end, or rejects with the subscription's errors. With
 * `stopAfter`, leaves (completes from the client side) once that many events arrived.
 */
export function follow(
  client: Client,
  messageId: string,
  options: { after?: number; stopAfter?: number } = {},
): Promise<StreamEvent[]> {
  return new Promise((resolve, reject) => {
    const events: StreamEvent[] = [];
    let stopped = false;
    let stop = () => {};
    stop = client.subscribe<{ replyStream: StreamEvent }>(
      { query: STREAM, variables: { id: messageId, after: options.after ?? null } },
      {
        next: (result) => {
          if (stopped) return;
          if (result.errors) return reject(result.errors);
          events.push(result.data!.replyStream);
          if (options.stopAfter !== undefined && events.length >= options.stopAfter) {
            stopped = true;
            stop();
            resolve(events);
          }
        },
        error: reject,
        complete: () => resolve(events),
      },
    );
  });
}

/** The answer text a client builds from the TOKEN events. */
export const textOf = (events: readonly StreamEvent[]) =>
  events
    .filter((event) => event.type === 'TOKEN')
    .map((event) => event.delta)
    .join('');
