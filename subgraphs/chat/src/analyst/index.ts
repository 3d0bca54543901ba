/**
 * The built-in analyst: understands an executive's question and answers it from real data through the
 * gateway's tools, with figures and citations. Deterministic and explainable; no LLM.
 */
import type { ConversationTurn, ToolInvoker, Understanding } from '../pipeline/answer-contract.ts';
import { understandQuestion } from './understand.ts';

export { createAnalyst } from './analyst.ts';
export { clearDirectoryCache } from './directory.ts';
export { formatMoney, formatValue } from './format.ts';

/**
 * Detects the intent, metrics, periods and named accounts, people and projects of a question; a follow-up
 * takes what it leaves out from the earlier questions in `history`. Names are resolved through `tools`
 * (cached process-wide for a few minutes). Rejects with `BAD_USER_INPUT` for an empty or overlong question.
 */
export function understand(
  question: string,
  history: readonly ConversationTurn[],
  tools: ToolInvoker,
  now: Date,
): Promise<Understanding> {
  return understandQuestion(question, history, tools, now);
}
