import { ToolCallError, type AnswerRequest, type Synthesizer } from '../pipeline/answer-contract.ts';
import type { Toolbox } from '../tools/toolbox.ts';
import {
  streamCompletion,
  type LlmClientOptions,
  type LlmMessage,
  type LlmTool,
} from './chat-completions.ts';
import { entitiesIn, mentioned, type FoundEntity } from './cited-entities.ts';
import { GroundedStream } from './grounded-stream.ts';
import { declineText } from '../analyst/scope.ts';

export interface LlmSynthesizerOptions extends LlmClientOptions {
  /** Rounds of tool calls before the model must answer without tools. */
  readonly maxToolRounds: number;
}

/** A tool result is cut to this many characters before it goes back to the model. */
const RESULT_CHARS = 12_000;
/** Tool errors the model caused (bad arguments, an unknown id) go back to it; other failures end the reply. */
const MODEL_MISTAKES = new Set(['BAD_USER_INPUT', 'NOT_FOUND']);

function systemPrompt(request: AnswerRequest): string {
  const memories = request.memories.map(
    (m) => `- [${m.id}]${m.sourceTitle ? ` (${m.sourceTitle})` : ''} ${m.content.replace(/\s+/g, ' ')}`,
  );
  return [
    'You are Sophia, the executive assistant of this company. Answer the executive briefly, in markdown.',
    `Today is ${request.now.toISOString().slice(0, 10)}; "this quarter" and similar are relative to it.`,
    'Take every figure from the tools; never invent one. Name the entities you use by their names.',
    'If the tools and memories do not say, answer "I don\'t know" and give no figure.',
    "Sophia holds this company's data only: decline questions about other companies; never answer them with ours.",
    'A figure that is not in a tool result of this reply is withheld before the executive sees it.',
    `How Sophia's analyst reads the question: ${JSON.stringify(request.understanding)}`,
    ...(memories.length > 0 ? ['What Sophia remembers that may be relevant:', ...memories] : []),
  ].join('\n');
}

const asTool = (spec: {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}): LlmTool => ({
  type: 'function',
  function: { name: spec.name, description: spec.description, parameters: spec.inputSchema },
});

/**
 * Answers with an OpenAI-compatible model: offers it the reply's MCP tools as functions, runs the calls it
 * asks for and loops (at most `maxToolRounds` rounds with tools), streaming its text as it comes.
 */
export function createLlmSynthesizer(options: LlmSynthesizerOptions, toolbox: Toolbox): Synthesizer {
  return async (request, sink) => {
    // The same rules as the built-in analyst: another company or data Sophia does not hold is declined
    // plainly, without asking the model.
    const { decline } = request.understanding;
    if (decline) {
      sink({ type: 'TOKEN', delta: declineText(decline) });
      return;
    }
    const tools = (await toolbox.listTools(request.signal)).map(asTool);
    const messages: LlmMessage[] = [
      { role: 'system', content: systemPrompt(request) },
      ...request.history.map((turn) => ({
        role: turn.role === 'USER' ? ('user' as const) : ('assistant' as const),
        content: turn.content,
      })),
      { role: 'user', content: request.question },
    ];
    const found: FoundEntity[] = request.memories.map((m) => ({ typename: 'Memory', id: m.id, label: m.id }));
    // Every figure the model writes must come from this reply's evidence: tool results, the memories it was
    // shown, and the question itself.
    const results: unknown[] = request.memories.map((memory) => memory.content);
    const grounded = new GroundedStream(sink, () => ({
      results,
      question: request.question,
      now: request.now,
    }));
    for (let round = 0; ; round++) {
      const offered = round < options.maxToolRounds ? tools : undefined;
      const result = await streamCompletion(
        options,
        { messages, tools: offered, signal: request.signal },
        (delta) => grounded.push(delta),
      );
      if (result.toolCalls.length === 0 || !offered) break;
      messages.push({
        role: 'assistant',
        content: result.content === '' ? null : result.content,
        tool_calls: result.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        })),
      });
      for (const call of result.toolCalls) {
        let content: string;
        try {
          const args = call.arguments.trim() === '' ? {} : (JSON.parse(call.arguments) as unknown);
          if (typeof args !== 'object' || args === null || Array.isArray(args)) {
            throw new ToolCallError(call.name, 'BAD_USER_INPUT', 'Arguments must be a JSON object.');
          }
          const data = await request.tools.call(call.name, args as Record<string, unknown>);
          results.push(data);
          found.push(...entitiesIn(data));
          content = JSON.stringify(data).slice(0, RESULT_CHARS);
        } catch (error) {
          if (error instanceof SyntaxError) {
            content = JSON.stringify({
              error: { code: 'BAD_USER_INPUT', message: 'Arguments are not JSON.' },
            });
          } else if (error instanceof ToolCallError && MODEL_MISTAKES.has(error.code)) {
            content = JSON.stringify({ error: { code: error.code, message: error.message } });
          } else {
            throw error;
          }
        }
        messages.push({ role: 'tool', tool_call_id: call.id, content });
      }
    }
    grounded.end();
    for (const citation of mentioned(grounded.text, found)) sink({ type: 'CITATION', citation });
  };
}
