/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC). Integer days keep the generators fast and
 * free of time-zone and daylight-saving surprises; ISO strings appear only at the edges.
 */

/** Days since 1970-01-01. */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a proleptic Gregorian date (Hinnant's days_from_civil). */
export function fromCivil(year: number, month: number, day: number): DayNumber {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a day number (Hinnant's civil_from_days). */
export function toCivil(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : fromCivil(year, month + 1, 1) - fromCivil(year, month, 1);
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/** @throws RangeError when `iso` is not a real `YYYY-MM-DD` date. */
export function parseIsoDate(iso: string): DayNumber {
  if (!isIsoDate(iso)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return fromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

export function toIsoDate(dayNumber: DayNumber): string {
  const { year, month, day } = toCivil(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Moves an ISO date by whole days. */
export function addDaysIso(iso: string, days: number): string {
  return toIsoDate(parseIsoDate(iso) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  const weekday = dayOfWeek(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** The nearest weekday on or before the day: business events rarely land on weekends. */
export function toWeekdayOnOrBefore(dayNumber: DayNumber): DayNumber {
  const weekday = dayOfWeek(dayNumber);
  return weekday === 0 ? dayNumber - 2 : weekday === 6 ? dayNumber - 1 : dayNumber;
}

/** The same calendar day `years` later, with 29 February falling back to the 28th. */
export function addYears(dayNumber: DayNumber, years: number): DayNumber {
  const { year, month, day } = toCivil(dayNumber);
  return fromCivil(year + years, month, Math.min(day, daysInMonth(year + years, month)));
}

/** An ISO timestamp at a given minute of the day, for records that need a time (documents). */
export function toIsoTimestamp(dayNumber: DayNumber, minuteOfDay: number): string {
  const hours = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const minutes = String(minuteOfDay % 60).padStart(2, '0');
  return `${toIsoDate(dayNumber)}T${hours}:${minutes}:00.000Z`;
}

/** Today's date in UTC: the default anchor, and the only place the clock is read. */
export function todayIsoUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
