import { describe, expect, it } from 'vitest';
import { anchoredClock, systemClock, type Clock } from './clock.ts';

const fixed = (iso: string): Clock & { advance(ms: number): void } => {
  let now = Date.parse(iso);
  return {
    now: () => new Date(now),
    today: () => new Date(now).toISOString().slice(0, 10),
    advance: (ms) => void (now += ms),
  };
};

describe('clocks', () => {
  it('real time by default', () => {
    expect(systemClock.today()).toBe(new Date().toISOString().slice(0, 10));
  });

  it('an anchored clock reads the anchor day at the real time of day, and keeps running', () => {
    const real = fixed('2027-03-05T14:30:00.000Z');
    const clock = anchoredClock('2026-11-24', real);
    expect(clock.today()).toBe('2026-11-24');
    expect(clock.now().toISOString()).toBe('2026-11-24T14:30:00.000Z');
    real.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-11-24T14:31:00.000Z');
    real.advance(10 * 3_600_000);
    expect(clock.today()).toBe('2026-11-25');
  });

  it('refuses an anchor that is not a date', () => {
    expect(() => anchoredClock('Q3')).toThrow(RangeError);
  });
});
