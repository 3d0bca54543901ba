import { describe, expect, it } from 'vitest';
import { gql } from 'urql';
import { createFixtureClient } from './fixture-client.ts';

// Test files are outside codegen's documents: a plain document is enough here.
const MeQuery = gql<{ kpiCards: Array<{ metric: { name: string } }> }>`
  query FixtureClientProbe($period: String) {
    kpiCards(period: $period) {
      value
      metric {
        id
        name
      }
    }
  }
`;

const run = (data: Record<string, unknown> | undefined, name = 'FixtureClientProbe') => {
  const fixtures = createFixtureClient(data ? { [name]: { data } } : {});
  return fixtures.client
    .query(MeQuery, { period: '2026-Q3' })
    .toPromise()
    .then((result) => ({ result, fixtures }));
};

describe('the fixture client', () => {
  it('answers an operation by name when the data has exactly the selected fields', async () => {
    const { result, fixtures } = await run({ kpiCards: [{ value: 1, metric: { id: 'arr', name: 'ARR' } }] });
    expect(fixtures.drift).toEqual([]);
    expect(result.data?.kpiCards[0]?.metric.name).toBe('ARR');
    expect(fixtures.calls).toEqual([
      { operationName: 'FixtureClientProbe', variables: { period: '2026-Q3' } },
    ]);
  });

  it('fails when the query selects a field the fixture lacks', async () => {
    const { result, fixtures } = await run({ kpiCards: [{ value: 1, metric: { id: 'arr' } }] });
    expect(fixtures.drift.join()).toContain('.kpiCards[0].metric.name: selected by the query, missing');
    expect(result.error?.message).toContain('Fixture drift');
  });

  it('fails when the fixture has a field the query no longer selects', async () => {
    const { fixtures } = await run({
      kpiCards: [{ value: 1, target: 2, metric: { id: 'arr', name: 'ARR' } }],
    });
    expect(fixtures.drift.join()).toContain('.kpiCards[0].target: in the fixture, not selected');
  });

  it('fails for an operation without a fixture', async () => {
    const { fixtures } = await run(undefined);
    expect(fixtures.drift).toEqual(['FixtureClientProbe: no fixture for this operation']);
  });
});
