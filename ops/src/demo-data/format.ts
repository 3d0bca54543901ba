/** How figures read in titles and documents: `$34.6M`, `$850k`, `76.5%`, `2.1x`. */
import type { MetricUnit } from '@sophia/domain';

export function formatMoney(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const value = Math.abs(amount);
  if (value >= 1_000_000) return `${sign}$${(value / 1_000_000).toFixed(value >= 10_000_000 ? 1 : 2)}M`;
  if (value >= 1_000) return `${sign}$${Math.round(value / 1_000)}k`;
  return `${sign}$${Math.round(value)}`;
}

/** `$1,234,500`: exact amounts, as a deal record shows them. */
export function formatExactMoney(amount: number): string {
  return `$${Math.round(amount).toLocaleString('en-US')}`;
}

export function formatValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'CURRENCY':
      return formatMoney(value);
    case 'PERCENT':
      return `${value.toFixed(1)}%`;
    case 'MONTHS':
      return `${Math.round(value)} months`;
    case 'RATIO':
      return `${value.toFixed(1)}x`;
    case 'SCORE':
      return value.toFixed(0);
    case 'COUNT':
      return Math.round(value).toLocaleString('en-US');
  }
}

/** `24 November 2026`. */
export function formatDate(iso: string): string {
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
}

/** `November 2026`. */
export function formatMonth(iso: string): string {
  return formatDate(iso).split(' ').slice(1).join(' ');
}
