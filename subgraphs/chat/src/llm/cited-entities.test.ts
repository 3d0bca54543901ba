import { describe, expect, it } from 'vitest';
import { entitiesIn, mentioned } from './cited-entities.ts';

describe('cited entities of an LLM answer', () => {
  const data = {
    topDeals: [
      { id: 'deal_1', name: 'Acme expansion', account: { id: 'acc_1', name: 'Acme' } },
      { id: 'deal_2', name: 'Globex renewal', account: { id: 'acc_2', name: 'Globex' } },
    ],
    kpiCards: [{ value: 1, metric: { id: 'revenue', name: 'Revenue' } }],
  };

  it('finds the entities a tool result holds, typed by the key they sit under', () => {
    expect(entitiesIn(data)).toEqual([
      { typename: 'Deal', id: 'deal_1', label: 'Acme expansion' },
      { typename: 'Account', id: 'acc_1', label: 'Acme' },
      { typename: 'Deal', id: 'deal_2', label: 'Globex renewal' },
      { typename: 'Account', id: 'acc_2', label: 'Globex' },
      { typename: 'Metric', id: 'revenue', label: 'Revenue' },
    ]);
  });

  it('cites only those the answer mentions, once each', () => {
    const found = [...entitiesIn(data), ...entitiesIn(data)];
    expect(mentioned('The **Acme expansion** leads; revenue is up.', found)).toEqual([
      { typename: 'Deal', id: 'deal_1' },
      { typename: 'Account', id: 'acc_1' },
      { typename: 'Metric', id: 'revenue' },
    ]);
  });
});
