import { beforeEach, describe, expect, it } from 'vitest';
import { clearDirectoryCache, createAnalyst } from '../../src/analyst/index.ts';
import type { AnswerEvent, ToolInvoker, Understanding } from '../../src/pipeline/answer-contract.ts';
import { understandAnything } from '../scripted-answers.ts';

const NOW = new Date('2026-11-24T12:00:00Z');
const METRICS = [
  { id: 'revenue', name: 'Revenue', unit: 'CURRENCY', currency: 'USD', description: '', category: 'FINANCE' },
  { id: 'arr', name: 'ARR', unit: 'CURRENCY', currency: 'USD', description: '', category: 'FINANCE' },
];

/**
 * Tools whose answers come back in the reverse order of the calls (the first call is the slowest), counting
 * how many are in flight at once.
 */
function reversedTools() {
  let inFlight = 0;
  let most = 0;
  const started: string[] = [];
  const delays = [60, 30, 10];
  const tools: ToolInvoker = {
    scope: 'parallel-test',
    call: async (name, args) => {
      switch (name) {
        case 'Metrics':
          return { metrics: METRICS };
        case 'AccountDirectory':
          return { accounts: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } };
        case 'PeopleDirectory':
          return { users: [] };
        case 'ProjectDirectory':
          return { projects: [] };
      }
      started.push(`${name} ${String(args['id'] ?? args['period'])}`);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delays[started.length - 1] ?? 0));
      inFlight -= 1;
      if (name === 'MetricSeries') {
        const metric = METRICS.find((entry) => entry.id === args['id'])!;
        const series = [
          { period: '2026-09', start: '2026-09-01', end: '2026-09-30', value: 100 },
          { period: '2026-10', start: '2026-10-01', end: '2026-10-31', value: 110 },
        ];
        return { metric: { ...metric, series } };
      }
      const period = String(args['period']);
      const value = period === '2026-Q3' ? 1_000 : 2_000;
      const card = { period, previousPeriod: '-', value, previousValue: null, change: null, target: null };
      return { kpiCards: [{ ...card, status: 'NO_TARGET', metric: METRICS[0] }] };
    },
  };
  return { tools, started, most: () => most };
}

async function answer(tools: ToolInvoker, question: string, understanding: Partial<Understanding>) {
  const events: AnswerEvent[] = [];
  await createAnalyst()(
    {
      question,
      understanding: {
        ...(await understandAnything(question, [], tools, NOW)),
        intent: 'KPI_VALUE',
        ...understanding,
      },
      history: [],
      memories: [],
      tools,
      now: NOW,
      signal: new AbortController().signal,
    },
    (event) => events.push(event),
  );
  return events.map((event) => (event.type === 'TOKEN' ? event.delta : '')).join('');
}

describe('the analyst’s independent tool calls', () => {
  beforeEach(() => clearDirectoryCache());

  it('fetches two metrics’ trends at once and writes them in the order asked', async () => {
    const { tools, started, most } = reversedTools();
    const text = await answer(tools, 'How are revenue and ARR trending?', {
      intent: 'KPI_TREND',
      metrics: [
        { id: 'revenue', name: 'Revenue' },
        { id: 'arr', name: 'ARR' },
      ],
    });
    expect(started).toEqual(['MetricSeries revenue', 'MetricSeries arr']);
    expect(most()).toBe(2);
    expect(text.indexOf('**Revenue**')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('**Revenue**')).toBeLessThan(text.indexOf('**ARR**'));
  });

  it('fetches the KPI cards of two periods at once and lays them out in the order asked', async () => {
    const { tools, started, most } = reversedTools();
    const text = await answer(tools, 'Revenue in Q3 vs Q4?', {
      metrics: [{ id: 'revenue', name: 'Revenue' }],
      periods: ['2026-Q3', '2026-Q4'],
    });
    expect(started).toEqual(['KpiCards 2026-Q3', 'KpiCards 2026-Q4']);
    expect(most()).toBe(2);
    expect(text.indexOf('2026-Q3')).toBeLessThan(text.indexOf('2026-Q4'));
    expect(text).toContain('$1,000');
    expect(text).toContain('$2,000');
  });
});
