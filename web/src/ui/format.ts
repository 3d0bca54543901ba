/**
 * How the dashboard writes numbers. Money always uses the currency the graph gives with it; metric values
 * follow the metric's unit (PERCENT values arrive in percent, e.g. 76.5).
 */

export type Unit = 'CURRENCY' | 'PERCENT' | 'COUNT' | 'MONTHS' | 'SCORE' | 'RATIO';

const LOCALE = 'en-US';

/** `$7.99M`, `€850K`: headline amounts, three significant digits. */
export function formatMoneyCompact(amount: number, currency: string): string {
  return new Intl.NumberFormat(LOCALE, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: Math.abs(amount) >= 1_000 ? 2 : 0,
  }).format(amount);
}

/** `$1,645,000`: exact amounts, as a deal record shows them. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    amount,
  );
}

/** A metric value in its unit; CURRENCY needs the metric's currency. */
export function formatMetricValue(value: number, unit: Unit, currency?: string | null): string {
  switch (unit) {
    case 'CURRENCY':
      return formatMoneyCompact(value, currency ?? 'USD');
    case 'PERCENT':
      return `${value.toFixed(1)}%`;
    case 'MONTHS':
      return `${value.toFixed(1)} mo`;
    case 'RATIO':
      return `${value.toFixed(2)}×`;
    case 'SCORE':
      return value.toFixed(0);
    case 'COUNT':
      return Math.round(value).toLocaleString(LOCALE);
  }
}

/** `+17.6%`, `−49.8%` from a relative change (0.176). */
export function formatChange(change: number): string {
  const percent = (change * 100).toFixed(1);
  return change > 0 ? `+${percent}%` : change < 0 ? `−${percent.slice(1)}%` : '0.0%';
}

/** `62%` from a share (0.62). */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** `24 Nov 2026` from `2026-11-24` (dates are calendar days: no time zone shift). */
export function formatDay(isoDay: string): string {
  const [year, month, day] = isoDay.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).toLocaleDateString(LOCALE, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** `PROPOSAL` → `Proposal`, `CLOSED_WON` → `Closed won`. */
export function humanize(value: string): string {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
