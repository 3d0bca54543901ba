/**
 * Asks the built-in analyst a question the way the chat pipeline does (understand, retrieve memories,
 * synthesise with the gateway's tools, then remember the exchange), and keeps every tool result of the
 * reply: the evidence an answer's figures must come from.
 */
import { createAnalyst, understand } from '../../subgraphs/chat/src/analyst/index.ts';
import type { CitationRef } from '../../subgraphs/chat/src/citations.ts';
import type { ToolInvoker } from '../../subgraphs/chat/src/pipeline/answer-contract.ts';
import { exchangeMemory, retrieveMemories } from '../../subgraphs/chat/src/pipeline/memories.ts';

export interface Reply {
  readonly question: string;
  readonly text: string;
  readonly citations: readonly CitationRef[];
  /** Every tool result of this reply, in call order. */
  readonly results: readonly unknown[];
  readonly intent: string;
  readonly error: string | null;
}

/** Asks one question in a new conversation (no history), as the pipeline would. */
export async function askAssistant(tools: ToolInvoker, question: string, now: Date): Promise<Reply> {
  const results: unknown[] = [];
  const recorded: ToolInvoker = {
    call: async (name, args) => {
      const data = await tools.call(name, args);
      results.push(data);
      return data;
    },
  };
  let text = '';
  const citations: CitationRef[] = [];
  let intent = '';
  try {
    const understanding = await understand(question, [], recorded, now);
    // As the pipeline does: an answer made of figures and names alone retrieves no memories.
    const memories =
      understanding.needsMemories === false ? [] : await retrieveMemories(recorded, question, []);
    intent = understanding.intent;
    await createAnalyst()(
      {
        question,
        understanding,
        history: [],
        memories,
        tools: recorded,
        now,
        signal: new AbortController().signal,
      },
      (event) => {
        if (event.type === 'TOKEN') text += event.delta;
        else citations.push(event.citation);
      },
    );
  } catch (error) {
    return { question, text, citations, results, intent, error: String(error) };
  }
  // The pipeline remembers every completed exchange; later questions meet these memories.
  await tools.call('Remember', exchangeMemory(question, text)).catch(() => undefined);
  return { question, text, citations, results, intent, error: null };
}
