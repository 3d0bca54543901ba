import { periodsOverlapping, type Period } from '@sophia/domain';

/** OKRs are quarterly: a quarter is itself, a month is the quarter it falls in, a year its four quarters. */
export function quartersOf(period: Period): Period[] {
  return period.grain === 'QUARTER' ? [period] : periodsOverlapping(period.start, period.end, 'QUARTER');
}
