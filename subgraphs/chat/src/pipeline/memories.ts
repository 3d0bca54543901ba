import type { ConversationTurn, RetrievedMemory, ToolInvoker } from './answer-contract.ts';

/** What people and documents said: every memory kind except Sophia's own CONVERSATION memories. */
export const SOURCE_KINDS: readonly string[] = ['DOCUMENT_CHUNK', 'NOTE', 'FACT'];

/** Memories offered to the synthesizer per question. */
export const MEMORY_LIMIT = 8;
/** Earlier turns that join the question in the memory search (a follow-up's subject is often in them). */
const RECENT_TURNS = 2;
const TURN_CHARS = 300;

interface SearchMemoriesData {
  readonly searchMemories?: ReadonlyArray<{
    readonly score: number;
    readonly memory: {
      readonly id: string;
      readonly content: string;
      readonly kind: string;
      readonly source?: { readonly title?: string | null } | null;
      readonly account?: { readonly id: string } | null;
    };
  }>;
}

/** The memory-search text: the question, then the conversation's most recent turns. */
export function memoryQuery(question: string, history: readonly ConversationTurn[]): string {
  const recent = history.slice(-RECENT_TURNS).map((turn) => turn.content.slice(0, TURN_CHARS));
  return [question, ...recent].join('\n');
}

/** Retrieves what Sophia remembers about the question, through the `SearchMemories` tool. */
export async function retrieveMemories(
  tools: ToolInvoker,
  question: string,
  history: readonly ConversationTurn[],
): Promise<RetrievedMemory[]> {
  // Sources only: Sophia's own earlier answers (CONVERSATION memories) must never push a document or a
  // note out of the few memories an answer gets; the conversation itself travels as `history`.
  const data = (await tools.call('SearchMemories', {
    query: memoryQuery(question, history),
    limit: MEMORY_LIMIT,
    filter: { kinds: SOURCE_KINDS },
  })) as SearchMemoriesData;
  return (data.searchMemories ?? []).map(({ score, memory }) => ({
    id: memory.id,
    content: memory.content,
    kind: memory.kind,
    score,
    sourceTitle: memory.source?.title ?? null,
    accountId: memory.account?.id ?? null,
  }));
}

/** What the exchange is remembered as: the question and the answer, private to the asker. */
export function exchangeMemory(question: string, answer: string): Record<string, unknown> {
  return {
    input: {
      content: `Asked Sophia: ${question}\nSophia answered: ${answer}`,
      kind: 'CONVERSATION',
      visibility: 'PRIVATE',
    },
  };
}
