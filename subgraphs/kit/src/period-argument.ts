import { parsePeriod, PeriodError, type Period } from '@sophia/domain';
import { badUserInput } from './errors.ts';

/**
 * Reads a period argument (`2026-Q3`, `2026-11`, `2026`, `Q3`; omitted means the current quarter) against
 * the store's "today"; an unreadable one is the caller's to fix.
 * @param argument the argument name reported with BAD_USER_INPUT.
 */
export function periodArgument(input: string | null | undefined, today: string, argument = 'period'): Period {
  try {
    return parsePeriod(input, today);
  } catch (error) {
    if (error instanceof PeriodError) throw badUserInput(error.message, argument);
    throw error;
  }
}
