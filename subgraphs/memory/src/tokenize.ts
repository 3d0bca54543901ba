/**
 * The one tokenizer for lexical search: documents are indexed and queries are read with it, so both sides
 * always agree on what a term is.
 *
 * Lowercase, accents removed, split on anything that is not a letter or digit, stop words and one-character
 * tokens dropped, then Harman's "S" stemmer (plurals to singular: renewals → renewal, companies → company).
 */

// A short English list: function words that would match nearly every memory and say nothing about it.
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves'
  ).split(' '),
);

/** Harman (1991): -ies → -y, -es → -e, -s → '' with the usual exceptions. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies'))
    return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && !word.endsWith('aes') && !word.endsWith('ees') && !word.endsWith('oes')) {
    return word.slice(0, -1);
  }
  if (word.endsWith('s') && !word.endsWith('us') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Every term of `text`, in order, repeats kept (term frequency matters for documents). */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map(stem);
}

/** Term → how many times it occurs, for the inverted index. */
export function termFrequencies(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of tokenize(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** The distinct terms of a query. */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenize(query))];
}
