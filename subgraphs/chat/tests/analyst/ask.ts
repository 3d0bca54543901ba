/**
 * Asks the analyst a question the way the reply pipeline does: understand it, retrieve memories with the
 * `SearchMemories` tool, then synthesise; records what it writes.
 */
import { createAnalyst, understand } from '../../src/analyst/index.ts';
import type {
  AnswerEvent,
  ConversationTurn,
  RetrievedMemory,
  ToolInvoker,
  Understanding,
} from '../../src/pipeline/answer-contract.ts';
import type { CitationRef } from '../../src/citations.ts';

export interface Asked {
  readonly understanding: Understanding;
  readonly text: string;
  readonly tokens: number;
  readonly citations: CitationRef[];
  readonly memories: readonly RetrievedMemory[];
}

interface Hit {
  score: number;
  memory: {
    id: string;
    content: string;
    kind: string;
    source: { title: string | null } | null;
    account: { id: string } | null;
  };
}

export async function retrieve(tools: ToolInvoker, question: string): Promise<RetrievedMemory[]> {
  const data = await tools.call('SearchMemories', { query: question, limit: 5 });
  return (data['searchMemories'] as Hit[]).map((hit) => ({
    id: hit.memory.id,
    content: hit.memory.content,
    kind: hit.memory.kind,
    score: hit.score,
    sourceTitle: hit.memory.source?.title ?? null,
    accountId: hit.memory.account?.id ?? null,
  }));
}

export async function ask(
  tools: ToolInvoker,
  question: string,
  now: Date,
  options: {
    history?: ConversationTurn[];
    signal?: AbortSignal;
    onEvent?: (event: AnswerEvent) => void;
  } = {},
): Promise<Asked> {
  const history = options.history ?? [];
  const understanding = await understand(question, history, tools, now);
  const memories = await retrieve(tools, question);
  let text = '';
  let tokens = 0;
  const citations: CitationRef[] = [];
  await createAnalyst()(
    {
      question,
      understanding,
      history,
      memories,
      tools,
      now,
      signal: options.signal ?? new AbortController().signal,
    },
    (event) => {
      options.onEvent?.(event);
      if (event.type === 'TOKEN') {
        text += event.delta;
        tokens += 1;
      } else citations.push(event.citation);
    },
  );
  return { understanding, text, tokens, citations, memories };
}
