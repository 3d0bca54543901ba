// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { gql } from 'urql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createSophiaClient } from './client.ts';

/**
 * The dashboard's client against a real HTTP and graphql-ws server on a free port: the token travels
 * with both, a 401 ends the session, and a reply stream cut mid-way resumes after the last event.
 */
const schema = buildSchema(`
  type Query { hello: String }
  type ReplyEvent { seq: Int!, delta: String }
  type Subscription { replyStream(messageId: ID!, after: Int): ReplyEvent! }
`);

const ReplyProbe = gql<{ replyStream: { seq: number; delta: string } }>`
  subscription ReplyProbe($messageId: ID!, $after: Int) {
    replyStream(messageId: $messageId, after: $after) {
      seq
      delta
    }
  }
`;

describe('the dashboard client', () => {
  let server: Server;
  let wss: WebSocketServer;
  let origin: string;
  const connectionParams: unknown[] = [];
  const subscribedAfter: Array<number | null> = [];
  const httpAuthorization: Array<string | undefined> = [];
  let dropped = false;

  beforeAll(async () => {
    server = createServer((req, res) => {
      httpAuthorization.push(req.headers.authorization);
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] }));
    });
    wss = new WebSocketServer({ server, path: '/graphql' });
    useServer(
      {
        schema,
        onConnect: (ctx) => {
          connectionParams.push(ctx.connectionParams);
          return true;
        },
        roots: {
          subscription: {
            replyStream: async function* (args: { after?: number | null }) {
              subscribedAfter.push(args.after ?? null);
              for (let seq = (args.after ?? 0) + 1; seq <= 5; seq++) {
                yield { replyStream: { seq, delta: `t${seq}` } };
                if (seq === 3 && !dropped) {
                  dropped = true;
                  // The connection drops mid-reply (a proxy timeout, a laptop lid).
                  for (const socket of wss.clients) socket.terminate();
                  await new Promise(() => undefined);
                }
              }
            },
          },
        },
      },
      wss,
    );
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of wss.clients) socket.terminate();
    await new Promise((done) => wss.close(done));
    await new Promise((done) => server.close(done));
  });

  it('resumes a reply stream after a dropped connection from the last seq, without gaps or repeats', async () => {
    const sophia = createSophiaClient({
      token: 'tok',
      onUnauthenticated: () => undefined,
      origin,
      webSocketImpl: WebSocket,
    });
    const seen: number[] = [];
    await new Promise<void>((done, fail) => {
      const { unsubscribe } = sophia.client
        .subscription(ReplyProbe, { messageId: 'msg_1', after: null })
        .subscribe((result) => {
          if (result.error) fail(result.error);
          const seq = result.data?.replyStream.seq;
          if (seq !== undefined) seen.push(seq);
          if (seq === 5) {
            unsubscribe();
            done();
          }
        });
    });
    sophia.dispose();
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(subscribedAfter).toEqual([null, 3]);
    expect(connectionParams).toEqual([{ authorization: 'Bearer tok' }, { authorization: 'Bearer tok' }]);
  });

  it('sends the token over HTTP and ends the session on a 401', async () => {
    let ended = 0;
    const sophia = createSophiaClient({
      token: 'old',
      onUnauthenticated: () => ended++,
      origin,
      webSocketImpl: WebSocket,
    });
    const result = await sophia.client
      .query(
        gql`
          {
            hello
          }
        `,
        {},
      )
      .toPromise();
    sophia.dispose();
    expect(result.error).toBeDefined();
    expect(httpAuthorization.at(-1)).toBe('Bearer old');
    expect(ended).toBeGreaterThan(0);
  });
});
