import { describe, expect, it } from 'vitest';
import { elapsedShare, objectiveProgress, okrStatus } from './okr-status.ts';

describe('okrStatus while the quarter runs', () => {
  it('is ACHIEVED at full progress, even early', () => {
    expect(okrStatus(1, 0.2)).toBe('ACHIEVED');
    expect(okrStatus(1, 1)).toBe('ACHIEVED');
  });

  it('is ON_TRACK down to 0.1 behind the elapsed share', () => {
    expect(okrStatus(0.6, 0.6)).toBe('ON_TRACK');
    expect(okrStatus(0.5, 0.6)).toBe('ON_TRACK');
    expect(okrStatus(0.95, 0.6)).toBe('ON_TRACK');
  });

  it('is AT_RISK from 0.1 to 0.25 behind', () => {
    expect(okrStatus(0.49, 0.6)).toBe('AT_RISK');
    expect(okrStatus(0.35, 0.6)).toBe('AT_RISK');
  });

  it('is OFF_TRACK more than 0.25 behind', () => {
    expect(okrStatus(0.34, 0.6)).toBe('OFF_TRACK');
    expect(okrStatus(0, 0.5)).toBe('OFF_TRACK');
  });

  it('calls a quarter not yet started ON_TRACK, even when its numbers read as done', () => {
    expect(okrStatus(0, 0)).toBe('ON_TRACK');
    expect(okrStatus(1, 0)).toBe('ON_TRACK');
  });
});

describe('okrStatus for a finished quarter', () => {
  it('grades 0.7 and above as ON_TRACK, 0.55 to 0.7 as AT_RISK, below as OFF_TRACK', () => {
    expect(okrStatus(0.7, 1)).toBe('ON_TRACK');
    expect(okrStatus(0.69, 1)).toBe('AT_RISK');
    expect(okrStatus(0.55, 1)).toBe('AT_RISK');
    expect(okrStatus(0.54, 1)).toBe('OFF_TRACK');
  });
});

describe('elapsedShare', () => {
  it('counts today as begun', () => {
    expect(elapsedShare('2026-10-01', '2026-12-31', '2026-10-01')).toBeCloseTo(1 / 92);
    expect(elapsedShare('2026-10-01', '2026-12-31', '2026-11-24')).toBeCloseTo(55 / 92);
    expect(elapsedShare('2026-10-01', '2026-12-31', '2026-12-31')).toBe(1);
  });

  it('clamps before the start and after the end', () => {
    expect(elapsedShare('2027-01-01', '2027-03-31', '2026-11-24')).toBe(0);
    expect(elapsedShare('2026-07-01', '2026-09-30', '2026-11-24')).toBe(1);
  });
});

describe('objectiveProgress', () => {
  it('is the mean of the key results', () => {
    expect(objectiveProgress([0.2, 0.4, 0.9])).toBeCloseTo(0.5);
  });

  it('is 0 without key results', () => {
    expect(objectiveProgress([])).toBe(0);
  });
});
