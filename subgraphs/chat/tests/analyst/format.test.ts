import { describe, expect, it } from 'vitest';
import { formatChange, formatMoney, formatValue } from '../../src/analyst/format.ts';

describe('formatMoney', () => {
  it('writes whole units of the currency, en-US', () => {
    expect(formatMoney(7992708.53, 'USD')).toBe('$7,992,709');
    expect(formatMoney(0, 'USD')).toBe('$0');
    expect(formatMoney(-1500.4, 'USD')).toBe('-$1,500');
    expect(formatMoney(1234567, 'EUR')).toBe('€1,234,567');
  });

  it('falls back to USD for a malformed currency code', () => {
    expect(formatMoney(10, 'dollars')).toBe('$10');
  });
});

describe('formatValue', () => {
  it('formats by unit', () => {
    expect(formatValue(32770500, 'CURRENCY', 'USD')).toBe('$32,770,500');
    expect(formatValue(102.540767848, 'PERCENT')).toBe('102.5%');
    expect(formatValue(1119, 'COUNT')).toBe('1,119');
    expect(formatValue(35.6870912191, 'MONTHS')).toBe('35.7 months');
    expect(formatValue(1.06108721496, 'RATIO')).toBe('1.06×');
    expect(formatValue(40.6862745098, 'SCORE')).toBe('40.7');
  });

  it('signs a relative change', () => {
    expect(formatChange(0.17573912715672244)).toBe('+17.6%');
    expect(formatChange(-0.4982953055337005)).toBe('−49.8%');
    expect(formatChange(0)).toBe('0.0%');
  });
});
