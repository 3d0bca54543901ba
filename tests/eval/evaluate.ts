/**
 * Runs the corpus against the assistant and scores it: correct per category, answers with citations,
 * figures no tool result of the reply supports, and answers about another company given with our data.
 */
import type { ToolInvoker } from '../../subgraphs/chat/src/pipeline/answer-contract.ts';
import { inventedFigures } from '../../subgraphs/chat/src/pipeline/grounding.ts';
import { askAssistant, type Reply } from './assistant-session.ts';
import { CATEGORIES, usedOurData, type Category, type EvalCase } from './checks.ts';

export interface Outcome {
  readonly case: EvalCase;
  readonly reply: Reply;
  readonly failure: string | null;
  readonly invented: readonly string[];
  readonly otherCompanyAnswered: boolean;
}

export interface Score {
  readonly outcomes: readonly Outcome[];
  readonly overall: number;
  readonly perCategory: ReadonlyMap<Category, { correct: number; total: number }>;
  readonly cited: number;
  readonly invented: number;
  readonly otherCompanyAnswered: number;
}

/** Asks every case (a few at a time, like several executives at once) and scores the replies. */
export async function evaluate(
  tools: ToolInvoker,
  cases: readonly EvalCase[],
  now: Date,
  concurrency = 4,
): Promise<Score> {
  const outcomes: Outcome[] = new Array(cases.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) {
        const index = next++;
        const evalCase = cases[index]!;
        const reply = await askAssistant(tools, evalCase.question, now);
        const invented = inventedFigures(reply.text, {
          results: reply.results,
          question: reply.question,
          now,
        });
        outcomes[index] = {
          case: evalCase,
          reply,
          failure: reply.error ?? evalCase.check(reply),
          invented: invented.map((figure) => figure.text),
          otherCompanyAnswered: evalCase.otherCompany === true && usedOurData(reply),
        };
      }
    }),
  );
  const perCategory = new Map<Category, { correct: number; total: number }>();
  for (const category of CATEGORIES) perCategory.set(category, { correct: 0, total: 0 });
  for (const outcome of outcomes) {
    const entry = perCategory.get(outcome.case.category)!;
    entry.total += 1;
    if (!outcome.failure) entry.correct += 1;
  }
  const answerable = outcomes.filter((o) => o.case.category !== 'out of scope');
  return {
    outcomes,
    overall: outcomes.filter((o) => !o.failure).length / Math.max(1, outcomes.length),
    perCategory,
    cited: answerable.filter((o) => o.reply.citations.length > 0).length / Math.max(1, answerable.length),
    invented: outcomes.reduce((sum, o) => sum + o.invented.length, 0),
    otherCompanyAnswered: outcomes.filter((o) => o.otherCompanyAnswered).length,
  };
}

/** A sample of `size` cases spread evenly over the corpus (every category keeps its share). */
export function sample(cases: readonly EvalCase[], size: number): EvalCase[] {
  if (size >= cases.length) return [...cases];
  const step = cases.length / size;
  return Array.from({ length: size }, (_, i) => cases[Math.floor(i * step)]!);
}
