/**
 * Which retrieved memories really speak to a question. Retrieval ranks every memory against every query
 * (its scores are relative, never zero), so the analyst checks for itself: a memory counts only when it
 * contains most of the question's subject words, and every name the question capitalises. Without that
 * check, "the budget of our Tokyo office" would be answered with the travel policy.
 */
import type { RetrievedMemory } from '../pipeline/answer-contract.ts';
import { capitalisedWords } from './entities.ts';
import { contentWords, normalize, words } from './text.ts';

/** Words too common in business questions to say what one is about. */
const GENERIC = new Set(
  `company business team teams latest update updates status info information anything something everything think
  thing things need needs team idea ideas our current recent recently new know data number numbers figure figures
  detail details summary summarise summarize overview explain`.split(/\s+/),
);

/**
 * A crude stem, enough to match "renewals" with "renewal" and "approved" with "approval". Not "-ing":
 * "marketing" is not "market".
 */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word
    .replace(/ies$/, 'y')
    .replace(/(ed|al|es|s)$/, '')
    .replace(/e$/, '');
}

export function subjectTerms(question: string): string[] {
  return [
    ...new Set(
      contentWords(question)
        .filter((word) => !GENERIC.has(word))
        .map(stem),
    ),
  ];
}

/** Capitalised words after the first, lower-cased: names the answer must contain. */
export function requiredNames(question: string, known: ReadonlySet<string>): string[] {
  return [...capitalisedWords(question)].filter(
    (word) => word.length > 2 && !known.has(word) && !/\d/.test(word),
  );
}

export interface RelevantMemory {
  readonly memory: RetrievedMemory;
  /** How many of the question's subject words its best passage contains (title and paragraph). */
  readonly hits: number;
  /** How many of them its content contains: a chunk that only shares its document's title says less. */
  readonly contentHits: number;
  /** That passage's paragraph. */
  readonly excerpt: string;
}

/** @default 0.6: the share of subject words a memory must contain. */
export const MIN_TERM_SHARE = 0.6;

export function relevantMemories(
  question: string,
  memories: readonly RetrievedMemory[],
  known: ReadonlySet<string> = new Set(),
): RelevantMemory[] {
  const terms = subjectTerms(question);
  const names = requiredNames(question, known);
  if (terms.length === 0) return [];
  const needed = Math.max(1, Math.ceil(terms.length * MIN_TERM_SHARE));
  const results: RelevantMemory[] = [];
  for (const memory of memories) {
    // Words must meet in one passage (the title with one paragraph): a long document that says "budget"
    // in one place and "marketing" in another is not about the marketing budget.
    const title = memory.sourceTitle ?? '';
    let best = { hits: 0, contentHits: 0, paragraph: '' };
    for (const paragraph of paragraphs(memory.content)) {
      const stems = new Set(words(`${title} ${paragraph}`).map(stem));
      const own = new Set(words(paragraph).map(stem));
      const hits = terms.filter((term) => stems.has(term)).length;
      const contentHits = terms.filter((term) => own.has(term)).length;
      if (hits > best.hits || (hits === best.hits && contentHits > best.contentHits)) {
        best = { hits, contentHits, paragraph };
      }
    }
    const normal = ` ${normalize(`${title} ${memory.content}`)} `;
    if (best.hits < needed || !names.every((name) => normal.includes(` ${name} `))) continue;
    results.push({
      memory,
      hits: best.hits,
      contentHits: best.contentHits,
      excerpt: excerpt(best.paragraph),
    });
  }
  // Stable: equal hits keep the retrieval order.
  return results.sort((a, b) => b.hits - a.hits || b.contentHits - a.contentHits);
}

/** @default 420 characters */
export const EXCERPT_LENGTH = 420;

function paragraphs(content: string): string[] {
  const found = content.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
  return found.length > 0 ? found : [content];
}

export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const sentence = cut.lastIndexOf('. ');
  return sentence > length / 2 ? cut.slice(0, sentence + 1) : `${cut.replace(/\s+\S*$/, '')}…`;
}
