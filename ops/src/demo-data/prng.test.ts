import { describe, expect, it } from 'vitest';
import { createRng } from './prng.ts';

describe('Rng', () => {
  it('repeats the same sequence for the same seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    const a = createRng(7);
    const b = createRng(7);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('forks streams that depend on the label, not on what the parent consumed', () => {
    const fresh = createRng(3).fork('people');
    const used = createRng(3);
    for (let index = 0; index < 100; index++) used.next();
    expect(used.fork('people').next()).toBe(fresh.next());
    expect(createRng(3).fork('people').next()).not.toBe(createRng(3).fork('deals').next());
  });

  it('keeps draws within their ranges', () => {
    const rng = createRng(11);
    for (let index = 0; index < 2_000; index++) {
      const value = rng.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      const integer = rng.int(3, 5);
      expect([3, 4, 5]).toContain(integer);
      const logValue = rng.logUniform(10, 1_000);
      expect(logValue).toBeGreaterThanOrEqual(10);
      expect(logValue).toBeLessThanOrEqual(1_000);
      expect(rng.poisson(2)).toBeGreaterThanOrEqual(0);
    }
  });

  it('shuffles and samples without losing or repeating items', () => {
    const rng = createRng(5);
    const items = Array.from({ length: 30 }, (_, index) => index);
    expect([...rng.shuffle(items)].sort((a, b) => a - b)).toEqual(items);
    const sample = rng.sample(items, 10);
    expect(new Set(sample).size).toBe(10);
  });

  it('picks by weight', () => {
    const rng = createRng(9);
    const counts = { rare: 0, common: 0 };
    for (let index = 0; index < 5_000; index++) {
      counts[
        rng.weighted([
          ['rare', 1],
          ['common', 9],
        ] as const)
      ]++;
    }
    expect(counts.common / 5_000).toBeGreaterThan(0.85);
    expect(counts.rare).toBeGreaterThan(0);
  });
});
