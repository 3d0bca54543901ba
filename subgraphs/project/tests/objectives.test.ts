import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '@sophia/kit/testing';
import { keyResultProgress } from '@sophia/ops';
import { company, dataOf, startProjectOn } from './harness.ts';
import { STORE_BACKENDS } from '../../kit/tests/store-contract-backends.ts';

interface KeyResult {
  id: string;
  title: string;
  unit: string;
  startValue: number;
  targetValue: number;
  currentValue: number;
  progress: number;
  status: string;
  metric: { id: string } | null;
}

interface Objective {
  id: string;
  period: string;
  title: string;
  owner: { id: string };
  team: { id: string } | null;
  progress: number;
  status: string;
  keyResults: KeyResult[];
}

const OBJECTIVES = `query($period: String) {
  objectives(period: $period) {
    id period title owner { id } team { id } progress status
    keyResults { id title unit startValue targetValue currentValue progress status metric { id } }
  }
}`;

const idsOf = (period: string) => company.objectives.filter((o) => o.period === period).map((o) => o.id);
const STATUSES = ['ACHIEVED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK'];

// On each store backend: embedded DuckDB, and the FAKE Snowflake through snowflake-sdk (the SQL is shared).
describe.each(STORE_BACKENDS)('objectives on %s', (dialect) => {
  let project: RunningSubgraph;
  const objectivesOf = async (period?: string) =>
    dataOf(
      await project.request<{ objectives: Objective[] }>(OBJECTIVES, {
        variables: period === undefined ? {} : { period },
      }),
    ).objectives;

  beforeAll(async () => {
    project = await startProjectOn(dialect);
  });
  afterAll(() => project.close());

  it('reads `Q3` as the third quarter of the anchor year, like `2026-Q3`', async () => {
    const q3 = await objectivesOf('Q3');
    expect(q3.length).toBeGreaterThan(0);
    expect(q3.map((o) => o.id)).toEqual(idsOf('2026-Q3'));
    expect(q3.every((o) => o.period === '2026-Q3')).toBe(true);
    expect(await objectivesOf('2026-Q3')).toEqual(q3);
  });

  it('defaults to the quarter containing the anchor', async () => {
    const current = await objectivesOf();
    expect(current.length).toBeGreaterThan(0);
    expect(current.map((o) => o.id)).toEqual(idsOf('2026-Q4'));
  });

  it('answers a month with its quarter and a year with its quarters', async () => {
    expect((await objectivesOf('2026-11')).map((o) => o.id)).toEqual(idsOf('2026-Q4'));
    expect((await objectivesOf('2026')).map((o) => o.id)).toEqual([...idsOf('2026-Q3'), ...idsOf('2026-Q4')]);
    expect(await objectivesOf('2025-Q1')).toEqual([]);
  });

  it('serves every key result as generated; metric-tied ones name their metric', async () => {
    const served = [...(await objectivesOf('2026-Q3')), ...(await objectivesOf('2026-Q4'))];
    const keyResults = served.flatMap((o) => o.keyResults);
    const tied = keyResults.filter((kr) => kr.metric !== null);
    expect(tied.length).toBeGreaterThan(0);
    expect(keyResults.length).toBeGreaterThan(tied.length);
    for (const objective of served) {
      const source = company.objectives.find((o) => o.id === objective.id)!;
      expect(objective).toMatchObject({
        title: source.title,
        owner: { id: source.ownerId },
        team: { id: source.teamId },
      });
      expect(objective.keyResults.map((kr) => kr.id)).toEqual(source.keyResults.map((kr) => kr.id));
      for (const kr of objective.keyResults) {
        const generated = source.keyResults.find((candidate) => candidate.id === kr.id)!;
        expect(kr, kr.id).toMatchObject({
          title: generated.title,
          unit: generated.unit,
          startValue: generated.startValue,
          targetValue: generated.targetValue,
          currentValue: generated.currentValue,
          metric: generated.metricId === null ? null : { id: generated.metricId },
        });
        expect(kr.progress, kr.id).toBeCloseTo(keyResultProgress(generated), 12);
      }
    }
  });

  it('makes an objective’s progress the mean of its key results, within 0…1', async () => {
    for (const objective of await objectivesOf('2026')) {
      const mean =
        objective.keyResults.reduce((sum, kr) => sum + kr.progress, 0) / objective.keyResults.length;
      expect(objective.progress, objective.id).toBeCloseTo(mean, 12);
      expect(objective.progress).toBeGreaterThanOrEqual(0);
      expect(objective.progress).toBeLessThanOrEqual(1);
      expect(STATUSES).toContain(objective.status);
    }
  });

  it('grades a finished quarter against 0.7 and the current one against the time elapsed', async () => {
    // 2026-Q3 is over by the anchor: 0.7 and above is on track, 0.55 to 0.7 at risk (okr-status.ts).
    for (const objective of await objectivesOf('2026-Q3')) {
      const { progress, status } = objective;
      const expected =
        progress >= 1
          ? 'ACHIEVED'
          : progress >= 0.7
            ? 'ON_TRACK'
            : progress >= 0.55
              ? 'AT_RISK'
              : 'OFF_TRACK';
      expect(status, `${objective.id} at ${progress}`).toBe(expected);
    }
    // On 2026-11-24, 55 of Q4's 92 days have begun.
    const elapsed = 55 / 92;
    for (const objective of await objectivesOf('2026-Q4')) {
      for (const { id, progress, status } of [objective, ...objective.keyResults]) {
        const expected =
          progress >= 1
            ? 'ACHIEVED'
            : progress >= elapsed - 0.1
              ? 'ON_TRACK'
              : progress >= elapsed - 0.25
                ? 'AT_RISK'
                : 'OFF_TRACK';
        expect(status, `${id} at ${progress}`).toBe(expected);
      }
    }
  });

  it('calls every objective of a quarter not yet begun on track', async () => {
    const next = await objectivesOf('2027-Q1');
    expect(next.map((o) => o.id)).toEqual(idsOf('2027-Q1'));
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((o) => o.status === 'ON_TRACK')).toBe(true);
  });
});
