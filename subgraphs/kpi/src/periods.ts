import { badUserInput } from '@sophia/kit';
import { parsePeriod, PeriodError, type Period } from '@sophia/ops';

/**
 * Reads a `period` argument against the store's "today"; an unreadable one is the caller's to fix.
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
