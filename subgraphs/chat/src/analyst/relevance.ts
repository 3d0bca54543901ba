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
  /** The summed length of the subject words it holds: rarer words weigh more. */
  readonly weight: number;
  /** That passage's paragraph. */
  readonly excerpt: string;
}

/** @default 0.5: the share of subject words a memory must contain. */
export const MIN_TERM_SHARE = 0.5;

/** Words whose other forms no stem reaches. */
const FORMS: Readonly<Record<string, string>> = { fly: 'flight', flew: 'flight', pto: 'time', sick: 'sick' };

/**
 * A subject word found among a passage's stems, or a longer form of it ("travel" in "travelling", "sev" in
 * "severity"), a shorter one of five letters or more, or a sibling sharing six letters.
 */
function holds(stems: ReadonlySet<string>, term: string): boolean {
  const wanted = FORMS[term] ?? term;
  if (stems.has(wanted)) return true;
  if (wanted.length < 3) return false;
  for (const word of stems) {
    if (word.startsWith(wanted) && word.length > wanted.length) return true;
    if (wanted.length >= 5 && word.length >= 5 && wanted.startsWith(word)) return true;
    // Two forms of one long word ("response", "respond") share their first six letters.
    if (wanted.length >= 6 && word.length >= 6 && word.slice(0, 6) === wanted.slice(0, 6)) return true;
  }
  return false;
}

/**
 * How well a passage's figures fit the question's: the same figure ("above 20%") counts one, a figure of
 * the same kind ("a 15% discount" against a passage of percentages) counts one too.
 */
function figureFit(question: readonly string[], paragraph: string): number {
  if (question.length === 0) return 0;
  if (question.some((figure) => paragraph.includes(figure))) return 1;
  const kinds = (texts: readonly string[]) =>
    new Set(texts.map((figure) => (figure.endsWith('%') ? '%' : figure.startsWith('$') ? '$' : '#')));
  const asked = kinds(question);
  const stated = kinds(paragraph.match(FIGURES) ?? []);
  return [...asked].some((kind) => kind !== '#' && stated.has(kind)) ? 1 : 0;
}

const FIGURES = /\$?\d[\d,.]*%?/g;

export function relevantMemories(
  question: string,
  memories: readonly RetrievedMemory[],
  known: ReadonlySet<string> = new Set(),
): RelevantMemory[] {
  const terms = subjectTerms(question);
  const names = requiredNames(question, known);
  if (terms.length === 0) return [];
  // Two subject words or fewer must all be there; more may miss a few ("daily" when the text says "a day").
  const needed = Math.max(Math.min(terms.length, 2), Math.ceil(terms.length * MIN_TERM_SHARE));
  const figures = question.match(FIGURES) ?? [];
  const results: RelevantMemory[] = [];
  for (const memory of memories) {
    // Words must meet in one passage (the title with one paragraph): a long document that says "budget"
    // in one place and "marketing" in another is not about the marketing budget.
    const title = memory.sourceTitle ?? '';
    let best = { hits: 0, weight: 0, contentHits: 0, paragraph: '' };
    for (const paragraph of paragraphs(memory.content)) {
      const stems = new Set(words(`${title} ${paragraph}`).map(stem));
      const own = new Set(words(paragraph).map(stem));
      const matched = terms.filter((term) => holds(stems, term));
      // A figure the question gives ("above 20%") points at the passage that states it.
      const hits = matched.length + figureFit(figures, paragraph);
      // Between passages with as many words, the one with the rarer (longer) words: "postmortem" over "due".
      const weight = matched.reduce((sum, term) => sum + term.length, 0);
      const contentHits = terms.filter((term) => holds(own, term)).length;
      const better =
        hits > best.hits ||
        (hits === best.hits &&
          (weight > best.weight || (weight === best.weight && contentHits > best.contentHits)));
      if (better) best = { hits, weight, contentHits, paragraph };
    }
    const normal = ` ${normalize(`${title} ${memory.content}`)} `;
    // A name may be written short ("Sev 2" for Severity 2).
    if (best.hits < needed || !names.every((name) => normal.includes(` ${name}`))) continue;
    results.push({
      memory,
      hits: best.hits,
      contentHits: best.contentHits,
      weight: best.weight,
      excerpt: excerpt(best.paragraph),
    });
  }
  // Stable: equal hits keep the retrieval order.
  return results.sort((a, b) => b.hits - a.hits || b.weight - a.weight || b.contentHits - a.contentHits);
}

/** @default 420 characters */
export const EXCERPT_LENGTH = 420;

/**
 * Passages to quote: paragraphs, and a paragraph too long to quote whole cut into its sentences, so the
 * line that answers is quoted rather than the paragraph's opening.
 */
function paragraphs(content: string): string[] {
  const found = content.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
  const blocks = found.length > 0 ? found : [content];
  return blocks.flatMap((block) =>
    block.length <= EXCERPT_LENGTH ? [block] : block.split(/(?<=[.!?])\s+(?=[A-Z])/),
  );
}

export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const sentence = cut.lastIndexOf('. ');
  return sentence > length / 2 ? cut.slice(0, sentence + 1) : `${cut.replace(/\s+\S*$/, '')}…`;
}
