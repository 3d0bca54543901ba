import { badUserInput } from '@sophia/kit';
import { PeriodError, parsePeriod, periodsOverlapping, type Period } from '@sophia/ops';

/** Reads the `period` argument against the demo's today; a bad period is the caller's to fix. */
export function parsePeriodArgument(input: string | null | undefined, today: string): Period {
  try {
    return parsePeriod(input, today);
  } catch (error) {
    if (error instanceof PeriodError) throw badUserInput(error.message, 'period');
    throw error;
  }
}

/** OKRs are quarterly: a quarter is itself, a month is the quarter it falls in, a year its four quarters. */
export function quartersOf(period: Period): Period[] {
  return period.grain === 'QUARTER' ? [period] : periodsOverlapping(period.start, period.end, 'QUARTER');
}
