/** Small text helpers shared by the detectors: one normal form for matching names and words. */

/** @default 20 000: normal forms remembered before the memo starts again (names repeat in every question). */
const NORMAL_FORMS_KEPT = 20_000;
const normalForms = new Map<string, string>();

/**
 * Lower case, accents and typographic quotes folded, dashes and punctuation turned into spaces. Remembered:
 * every question matches itself against the same directory names, and folding them each time was the
 * analyst's largest cost.
 */
export function normalize(text: string): string {
  let normal = normalForms.get(text);
  if (normal === undefined) {
    if (normalForms.size >= NORMAL_FORMS_KEPT) normalForms.clear();
    normal = fold(text);
    normalForms.set(text, normal);
  }
  return normal;
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9%$.\s-]/g, ' ')
    .replace(/[–—-]/g, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function words(text: string): string[] {
  const normal = normalize(text);
  return normal === '' ? [] : normal.split(' ');
}

/** Whether `phrase` (already normalised) occurs in `haystack` (already normalised) as whole words. */
export function containsPhrase(haystack: string, phrase: string): boolean {
  if (phrase === '') return false;
  return ` ${haystack} `.includes(` ${phrase} `);
}

/**
 * Words that carry no subject: question words, auxiliaries, pronouns, and the vocabulary every business
 * question shares. What is left of a question without them is what it is about.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have having
  he her here hers him his how i if in into is it its itself just let me more most my no nor not now of off
  on once only or other our ours out over own same she should so some such than that the their theirs them
  then there these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours tell show give know knew get got please us much many
  there's what's whats did does say said like look looking doing going went current currently`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/** Words of a question that say what it is about, without stop words or numbers. */
export function contentWords(text: string): string[] {
  return words(text).filter((word) => !STOP_WORDS.has(word) && !/^[\d$%.]+$/.test(word) && word.length > 1);
}
