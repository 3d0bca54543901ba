import { beforeEach, describe, expect, it } from 'vitest';
import { headingOf } from '../../src/analyst/heading.ts';
import { clearDirectoryCache, createAnalyst } from '../../src/analyst/index.ts';
import type { AnswerEvent, ToolInvoker, Understanding } from '../../src/pipeline/answer-contract.ts';

const NOW = new Date('2026-11-24T12:00:00Z');
const REVENUE = { id: 'revenue', name: 'Revenue', unit: 'CURRENCY', currency: 'USD' };

const understood = (over: Partial<Understanding>): Understanding => ({
  intent: 'KPI_VALUE',
  confidence: 1,
  metrics: [],
  periods: [],
  accounts: [],
  people: [],
  projects: [],
  ...over,
});

/** Directory tools answer at once; `KpiCards` waits until the test lets it go. */
function heldTools() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const tools: ToolInvoker = {
    scope: 'heading-test',
    call: async (name, args) => {
      switch (name) {
        case 'Metrics':
          return { metrics: [{ ...REVENUE, description: '', category: 'FINANCE' }] };
        case 'AccountDirectory':
          return { accounts: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } };
        case 'PeopleDirectory':
          return { users: [] };
        case 'ProjectDirectory':
          return { projects: [] };
      }
      await held;
      const card = { period: args['period'], previousPeriod: '2026-Q2', previousValue: null, change: null };
      return {
        kpiCards: [{ ...card, value: 7_992_709, target: null, status: 'NO_TARGET', metric: REVENUE }],
      };
    },
  };
  return { tools, release };
}

describe('the heading of an answer', () => {
  beforeEach(() => clearDirectoryCache());

  it('is streamed before the tool calls for the figures return, and the figures follow it', async () => {
    const { tools, release } = heldTools();
    const events: AnswerEvent[] = [];
    const text = () => events.map((event) => (event.type === 'TOKEN' ? event.delta : '')).join('');
    const answering = createAnalyst()(
      {
        question: 'What was revenue in Q3?',
        understanding: understood({ metrics: [{ id: 'revenue', name: 'Revenue' }], periods: ['2026-Q3'] }),
        history: [],
        memories: [],
        tools,
        now: NOW,
        signal: new AbortController().signal,
      },
      (event) => events.push(event),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(text()).toBe('**Revenue** · 2026-Q3\n\n');
    release();
    await answering;
    expect(text()).toMatch(
      /^\*\*Revenue\*\* · 2026-Q3\n\n\*\*Revenue\*\* for 2026-Q3 came to \*\*\$7,992,709\*\*/,
    );
  });

  it('names what the question resolved to, and the periods it named', () => {
    expect(headingOf(understood({ metrics: [{ id: 'arr', name: 'ARR' }], intent: 'KPI_TREND' }))).toBe(
      '**ARR trend**\n\n',
    );
    expect(headingOf(understood({ intent: 'TOP_DEALS', periods: ['2026-Q4'] }))).toBe(
      '**Top deals** · 2026-Q4\n\n',
    );
    expect(headingOf(understood({ intent: 'KPI_VALUE', periods: ['2026-Q2', '2026-Q3'] }))).toBe(
      '**Headline KPIs** · 2026-Q2 and 2026-Q3\n\n',
    );
    expect(
      headingOf(understood({ intent: 'REPORTS', people: [{ id: 'usr_002', name: 'Dana Whitfield' }] })),
    ).toBe('**Reporting line of Dana Whitfield**\n\n');
  });

  it('is left out where the answer opens plainly, or the subject is not resolved', () => {
    expect(headingOf(understood({ intent: 'KNOWLEDGE' }))).toBeNull();
    expect(headingOf(understood({ intent: 'DECLINE' }))).toBeNull();
    expect(headingOf(understood({ intent: 'PERSON_OVERVIEW' }))).toBeNull();
  });

  it('never holds a figure, since no tool has answered yet', () => {
    const account = { id: 'acc_3m', name: '3M' };
    expect(headingOf(understood({ intent: 'ACCOUNT_OVERVIEW', accounts: [account] }))).toBeNull();
  });
});
