/**
 * How the analyst writes numbers. One rule per unit, used by every answer and by the tests that compare
 * figures exactly: money in whole units of its currency (en-US, e.g. `$7,992,709`), percents with one
 * decimal, counts with thousands separators.
 */

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(value: number, currency: string): string {
  const code = /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
  let format = moneyFormats.get(code);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: code,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    });
    moneyFormats.set(code, format);
  }
  return format.format(value);
}

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A metric value by its unit (`CURRENCY PERCENT COUNT MONTHS SCORE RATIO`). */
export function formatValue(value: number, unit: string, currency?: string | null): string {
  switch (unit) {
    case 'CURRENCY':
      return formatMoney(value, currency ?? 'USD');
    case 'PERCENT':
      return `${decimals.format(value)}%`;
    case 'COUNT':
      return counts.format(value);
    case 'MONTHS':
      return `${decimals.format(value)} months`;
    case 'RATIO':
      return `${value.toFixed(2)}×`;
    default:
      return decimals.format(value);
  }
}

/** A share (0.176) as a percent with one decimal (`17.6%`). */
export function formatShare(share: number): string {
  return `${decimals.format(share * 100)}%`;
}

/** A relative change (0.176) as a signed percent (`+17.6%`). */
export function formatChange(change: number): string {
  const text = formatShare(Math.abs(change));
  return change > 0 ? `+${text}` : change < 0 ? `−${text}` : '0.0%';
}

/** An enum value (`CLOSED_WON`, `OFF_TRACK`) as words (`closed won`, `off track`). */
export function formatEnum(value: string): string {
  return value.toLowerCase().replaceAll('_', ' ');
}

/** A table cell: pipes and line breaks would break the markdown table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
