/** Straight-line trends through monthly data: the basis of the plan that targets come from. */
import { type DayNumber, daysInMonth, fromCivil, toCivil } from '@sophia/domain';

export interface Line {
  intercept: number;
  slope: number;
}

/** Least-squares line; a flat line through the mean when x does not vary. */
export function fitLine(points: readonly { x: number; y: number }[]): Line {
  const count = points.length;
  if (count === 0) return { intercept: 0, slope: 0 };
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / count;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / count;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.x - meanX) * (point.y - meanY);
    variance += (point.x - meanX) ** 2;
  }
  const slope = variance === 0 ? 0 : covariance / variance;
  return { intercept: meanY - slope * meanX, slope };
}

export function valueAt(line: Line, x: number): number {
  return line.intercept + line.slope * x;
}

/** The complete calendar months inside [first, last], as day ranges. */
export function completeMonths(first: DayNumber, last: DayNumber): { start: DayNumber; end: DayNumber }[] {
  const months: { start: DayNumber; end: DayNumber }[] = [];
  let { year, month } = toCivil(first);
  for (;;) {
    const start = fromCivil(year, month, 1);
    const end = start + daysInMonth(year, month) - 1;
    if (start > last || end > last) return months;
    if (start >= first) months.push({ start, end });
    month = month === 12 ? 1 : month + 1;
    year = month === 1 ? year + 1 : year;
  }
}
