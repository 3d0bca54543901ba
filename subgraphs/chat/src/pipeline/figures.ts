/**
 * The figures an answer states: money, percents, multiples and plain numbers, each with the precision it
 * was written to, so "$1.2M" matches 1,234,567 and "17.6%" matches 0.1763. Dates, periods, years and ids
 * are not figures: they name a moment or a thing, not a quantity.
 */

export interface Figure {
  /** As written in the text. */
  readonly text: string;
  readonly value: number;
  /** Half of the last written digit's place, times the suffix: what rounding may hide. */
  readonly tolerance: number;
  readonly unit: 'MONEY' | 'PERCENT' | 'MULTIPLE' | 'NUMBER';
}

const SUFFIX: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mm: 1e6, bn: 1e9, b: 1e9 };

// A number with optional currency sign, thousands separators, decimals and a suffix; not part of a word,
// a date (2026-11-24), a period (2026-Q3, Q3, 2026-11) or an id (usr_018).
const FIGURE =
  /(?<![\w.\-/])([$€£]|USD\s?|EUR\s?|GBP\s?)?([−-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?(%|×|x\b|k\b|K\b|m\b|M\b|mm\b|bn\b|B\b|b\b|million\b|billion\b|thousand\b)?(?![\w\-/]|\.\d)/g;

const WORD_SUFFIX: Readonly<Record<string, string>> = { million: 'm', billion: 'bn', thousand: 'k' };

/** Every figure in `text`, in order. */
export function figuresIn(text: string): Figure[] {
  const found: Figure[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const [whole, currency, minus, integer, fraction = '', rawSuffix] = match;
    const before = text.slice(Math.max(0, match.index - 1), match.index);
    // "Q3", "W48", "FY2026": a period, not a quantity.
    if (/[A-Za-z]/.test(before)) continue;
    const digits = integer!.replaceAll(',', '');
    const suffix = rawSuffix ? (WORD_SUFFIX[rawSuffix] ?? rawSuffix.toLowerCase()) : '';
    const isYear = !currency && !suffix && !fraction && /^(19|20)\d\d$/.test(digits);
    if (isYear) continue;
    const scale = SUFFIX[suffix] ?? 1;
    const decimals = fraction.length > 0 ? fraction.length - 1 : 0;
    const magnitude = Number(`${digits}${fraction}`) * scale;
    const unit: Figure['unit'] = currency
      ? 'MONEY'
      : suffix === '%'
        ? 'PERCENT'
        : suffix === '×' || suffix === 'x'
          ? 'MULTIPLE'
          : 'NUMBER';
    found.push({
      text: whole.trim(),
      value: minus ? -magnitude : magnitude,
      tolerance: (0.5 * scale) / 10 ** decimals + 1e-9,
      unit,
    });
  }
  return found;
}
