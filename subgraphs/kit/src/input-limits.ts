import { badUserInput } from './errors.ts';

/**
 * The bounds every subgraph puts on what a caller sends, checked before any work is done (OWASP API4:
 * unrestricted resource consumption). Each argument's own cap is written in its schema description; these are
 * the caps arguments share.
 */
export const INPUT_LIMITS = {
  /**
   * Entries in any one list of a request's variables or document: the safety net under every argument's own
   * cap (see use-list-limit.ts), high enough for the gateway's largest `_entities` batches.
   */
  listEntries: 10_000,
  /** Entries in a filter that lists enum values: each value once is all that can make sense. */
  enumFilterEntries: 10,
  /** Characters of a free-text search. */
  searchLength: 200,
} as const;

/**
 * A count argument (`first`, `limit`, `last`) as an integer from `min` to `max`; `fallback` when omitted.
 * Throws BAD_USER_INPUT naming the argument and its bounds.
 */
export function boundedCount(
  value: number | null | undefined,
  options: { argument: string; max: number; fallback: number; min?: number },
): number {
  const { argument, max, min = 1 } = options;
  const count = value ?? options.fallback;
  if (!Number.isInteger(count) || count < min || count > max) {
    throw badUserInput(`\`${argument}\` must be between ${min} and ${max}.`, argument);
  }
  return count;
}

/**
 * A list argument or list input field of at most `max` entries, as is; undefined when omitted. Checked before
 * the list is spread, copied or sent to a store: a list of 150,000 entries is refused, not worked through.
 */
export function boundedList<T>(
  list: readonly T[] | null | undefined,
  argument: string,
  max: number = INPUT_LIMITS.enumFilterEntries,
): readonly T[] | undefined {
  if (list === null || list === undefined) return undefined;
  if (list.length > max) {
    throw badUserInput(
      `\`${argument}\` takes at most ${max.toLocaleString('en-US')} entries (it has ` +
        `${list.length.toLocaleString('en-US')}).`,
      argument,
    );
  }
  return list;
}

/** A free-text argument of at most `max` characters, trimmed; undefined when omitted or blank. */
export function boundedText(
  value: string | null | undefined,
  argument: string,
  max: number = INPUT_LIMITS.searchLength,
): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.length > max) {
    throw badUserInput(`\`${argument}\` must be at most ${max} characters.`, argument);
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The length of the longest list anywhere in `value` (JSON variables), walked without recursion so that a
 * deeply nested value cannot overflow the stack; stops early once a list is longer than `stopAbove`.
 */
export function longestList(value: unknown, stopAbove: number = Infinity): number {
  let longest = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object') continue;
    const children = Array.isArray(next) ? next : Object.values(next);
    if (Array.isArray(next)) {
      longest = Math.max(longest, next.length);
      if (longest > stopAbove) return longest;
    }
    for (const child of children) if (child !== null && typeof child === 'object') pending.push(child);
  }
  return longest;
}
