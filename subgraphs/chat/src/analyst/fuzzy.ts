/**
 * Typo-tolerant matching of whole words: "revnue" is revenue and "pipleine" is pipeline, but a word never
 * matches inside another ("late" is not "latest"). Short words must be exact: one edit turns many short
 * words into others.
 */

/** Edits (insert, delete, substitute, swap two neighbours) between two words, stopping past `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** How many typos a word of this length may carry and still be recognised. */
export function allowedTypos(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Whether `written` is `word` with at most the typos its length allows. */
export function sameWord(written: string, word: string): boolean {
  if (written === word) return true;
  const allowed = Math.min(allowedTypos(word), allowedTypos(written));
  return allowed > 0 && written[0] === word[0] && editDistance(written, word, allowed) <= allowed;
}

/**
 * Where the words of `phrase` occur one after another in `text` (both normalised), each with the typos
 * its length allows; -1 when they do not. Matches start and end on word boundaries only.
 */
export function findPhrase(text: string, phrase: string): number {
  const words = text.split(' ');
  const wanted = phrase.split(' ');
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (wanted.every((word, k) => sameWord(words[i + k]!, word))) {
      return words.slice(0, i).join(' ').length + (i > 0 ? 1 : 0);
    }
  }
  return -1;
}
