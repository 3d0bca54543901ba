import { SophiaError, SpanKind, withSpan } from '@sophia/kit';
import { sseData } from './sse.ts';

/** A message of the OpenAI chat-completions API. */
export type LlmMessage =
  | { readonly role: 'system' | 'user'; readonly content: string }
  | {
      readonly role: 'assistant';
      readonly content: string | null;
      readonly tool_calls?: ReadonlyArray<{
        readonly id: string;
        readonly type: 'function';
        readonly function: { readonly name: string; readonly arguments: string };
      }>;
    }
  | { readonly role: 'tool'; readonly tool_call_id: string; readonly content: string };

/** A function offered to the model. */
export interface LlmTool {
  readonly type: 'function';
  readonly function: {
    readonly name: string;
    readonly description: string;
    readonly parameters: Record<string, unknown>;
  };
}

export interface LlmToolCall {
  readonly id: string;
  readonly name: string;
  /** JSON, as the model wrote it. */
  readonly arguments: string;
}

/** One completion, streamed: the text it wrote and the tools it asked for. */
export interface CompletionRound {
  readonly content: string;
  readonly toolCalls: readonly LlmToolCall[];
  readonly finishReason: string | null;
}

export interface LlmClientOptions {
  /** `http://host:8000/v1` or `http://host:8000` (then `/v1` is added). */
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string | undefined;
  readonly timeoutMs: number;
}

interface ChunkDelta {
  content?: string | null;
  tool_calls?: Array<{ index?: number; id?: string; function?: { name?: string; arguments?: string } }>;
}

interface Chunk {
  choices?: Array<{ delta?: ChunkDelta; finish_reason?: string | null }>;
  error?: { message?: string };
}

const downstream = (message: string) => new SophiaError('DOWNSTREAM_SERVICE_ERROR', message);

export function completionsUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${/\/v\d+$/.test(base) ? base : `${base}/v1`}/chat/completions`;
}

/**
 * Streams one chat completion (`stream: true`): text deltas go to `onText` as they arrive, tool-call
 * fragments (id and name first, then argument pieces, keyed by `index`) are put back together.
 */
export function streamCompletion(
  options: LlmClientOptions,
  request: CompletionRequest,
  onText: (delta: string) => void,
): Promise<CompletionRound> {
  return withSpan(
    'chat.llm',
    {
      kind: SpanKind.CLIENT,
      attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': options.model },
    },
    () => completeStreaming(options, request, onText),
  );
}

type CompletionRequest = {
  messages: readonly LlmMessage[];
  tools?: readonly LlmTool[] | undefined;
  signal: AbortSignal;
};

async function completeStreaming(
  options: LlmClientOptions,
  request: CompletionRequest,
  onText: (delta: string) => void,
): Promise<CompletionRound> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (options.apiKey) headers['authorization'] = `Bearer ${options.apiKey}`;
  const body = {
    model: options.model,
    messages: request.messages,
    stream: true,
    ...(request.tools && request.tools.length > 0 ? { tools: request.tools, tool_choice: 'auto' } : {}),
  };
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(options.timeoutMs)]);
  let response: Response;
  try {
    response = await fetch(completionsUrl(options.baseUrl), {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (request.signal.aborted) throw error;
    throw downstream(`The LLM server could not be reached: ${(error as Error).message}`);
  }
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => '');
    let reason = text.slice(0, 300);
    try {
      reason = (JSON.parse(text) as Chunk).error?.message ?? reason;
    } catch {
      // not JSON: the text itself says why
    }
    throw downstream(`The LLM server answered ${response.status}: ${reason}`);
  }

  let content = '';
  let finishReason: string | null = null;
  let done = false;
  const calls: Array<{ id: string; name: string; arguments: string }> = [];
  try {
    for await (const data of sseData(response.body)) {
      if (data === '[DONE]') {
        done = true;
        break;
      }
      const chunk = JSON.parse(data) as Chunk;
      if (chunk.error) throw downstream(`The LLM server failed: ${chunk.error.message ?? 'unknown error'}`);
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      const delta = choice.delta ?? {};
      if (typeof delta.content === 'string' && delta.content !== '') {
        content += delta.content;
        onText(delta.content);
      }
      for (const fragment of delta.tool_calls ?? []) {
        const index = fragment.index ?? calls.length;
        const call = (calls[index] ??= { id: '', name: '', arguments: '' });
        if (fragment.id) call.id = fragment.id;
        if (fragment.function?.name) call.name += fragment.function.name;
        if (fragment.function?.arguments) call.arguments += fragment.function.arguments;
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  } catch (error) {
    if (request.signal.aborted || error instanceof SophiaError) throw error;
    throw downstream(`The LLM stream broke: ${(error as Error).message}`);
  }
  if (!done && finishReason === null) throw downstream('The LLM stream ended before it finished.');
  return {
    content,
    finishReason,
    toolCalls: calls.filter(Boolean).map((call, index) => ({ ...call, id: call.id || `call_${index}` })),
  };
}
