import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake model answers to one request. */
export type FakeTurn =
  /** Text, streamed one piece per chunk, `delayMs` apart (default 1). */
  | { readonly text: readonly string[]; readonly delayMs?: number }
  /** Tool calls; each call's arguments are streamed in the given fragments. */
  | {
      readonly toolCalls: ReadonlyArray<{
        readonly name: string;
        readonly argumentFragments: readonly string[];
      }>;
    }
  /** An HTTP error with an OpenAI error body. */
  | { readonly status: number; readonly message: string };

export interface FakeChatRequest {
  readonly authorization: string | undefined;
  readonly body: {
    model: string;
    stream: boolean;
    messages: Array<Record<string, unknown>>;
    tools?: Array<{ type: string; function: { name: string; description: string; parameters: unknown } }>;
  };
}

export interface FakeOpenAiChatServer {
  /** The base URL with `/v1`, as LLM_BASE_URL is usually given. */
  readonly url: string;
  readonly requests: FakeChatRequest[];
  /** Streams the client closed before they ended (a cancelled reply). */
  readonly abandoned: number;
  close(): Promise<void>;
}

/**
 * A FAKE OpenAI-compatible chat-completions server, not a real model: `POST /v1/chat/completions` with
 * `stream: true` answers `text/event-stream` of `chat.completion.chunk` objects exactly as OpenAI and vLLM
 * send them — a first chunk with the role, `delta.content` pieces, `delta.tool_calls[i]` with the id and name
 * first and the arguments in fragments, a last chunk with `finish_reason`, then `data: [DONE]`. What it answers
 * is scripted by `script(request, index)`.
 */
export async function startFakeOpenAiChatServer(
  script: (request: FakeChatRequest, index: number) => FakeTurn,
): Promise<FakeOpenAiChatServer> {
  const requests: FakeChatRequest[] = [];
  let abandoned = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"Not found"}}');
        return;
      }
      const request: FakeChatRequest = {
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString()) as FakeChatRequest['body'],
      };
      requests.push(request);
      const turn = script(request, requests.length - 1);
      if ('status' in turn) {
        res.writeHead(turn.status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error: { message: turn.message, type: 'server_error', param: null, code: null } }),
        );
        return;
      }
      if (!(await streamTurn(res, request.body.model, turn))) abandoned++;
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get abandoned() {
      return abandoned;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Streams one answer; false when the client went away first. */
async function streamTurn(
  res: ServerResponse,
  model: string,
  turn: Exclude<FakeTurn, { status: number }>,
): Promise<boolean> {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const id = `chatcmpl-${Math.random().toString(36).slice(2)}`;
  const created = Math.floor(Date.now() / 1000);
  const delayMs = 'text' in turn ? (turn.delayMs ?? 1) : 1;
  const send = async (delta: Record<string, unknown>, finishReason: string | null = null) => {
    if (res.destroyed) return;
    const chunk = {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      system_fingerprint: 'fp_fake',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    };
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    // Each chunk its own write after a pause, so the client really sees them arrive apart.
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  };
  await send({ role: 'assistant', content: '' });
  if ('text' in turn) {
    for (const piece of turn.text) await send({ content: piece });
    await send({}, 'stop');
  } else {
    for (const [index, call] of turn.toolCalls.entries()) {
      await send({
        tool_calls: [
          {
            index,
            id: `call_${index}_${id}`,
            type: 'function',
            function: { name: call.name, arguments: '' },
          },
        ],
      });
      for (const fragment of call.argumentFragments) {
        await send({ tool_calls: [{ index, function: { arguments: fragment } }] });
      }
    }
    await send({}, 'tool_calls');
  }
  if (res.destroyed) return false;
  res.end('data: [DONE]\n\n');
  return true;
}
