import type { Synthesizer, Understanding } from '../src/pipeline/answer-contract.ts';
import type { Understand } from '../src/pipeline/run-reply.ts';
import type { FakeTool } from './fakes/fake-mcp-server.ts';

/** What the tests' understanding step says: the pipeline's own behaviour does not depend on it. */
export const understandAnything: Understand = async () =>
  ({
    intent: 'KNOWLEDGE',
    confidence: 1,
    metrics: [],
    periods: [],
    accounts: [],
    people: [],
    projects: [],
  }) satisfies Understanding;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A test synthesizer that plays a script chosen by the question, so the pipeline (events, storage, failures,
 * cancel, resume) is tested apart from the analyst, which has its own tests.
 */
export const scriptedSynthesizer: Synthesizer = async (request, sink) => {
  switch (request.question) {
    case 'Revenue?': {
      const data = (await request.tools.call('KpiCards', { period: 'Q3' })) as {
        kpiCards: Array<{ value: number }>;
      };
      sink({ type: 'TOKEN', delta: 'Q3 revenue was ' });
      sink({ type: 'TOKEN', delta: `${data.kpiCards[0]!.value}.` });
      sink({ type: 'CITATION', citation: { typename: 'Metric', id: 'revenue' } });
      sink({ type: 'CITATION', citation: { typename: 'Metric', id: 'revenue' } });
      for (const memory of request.memories)
        sink({ type: 'CITATION', citation: { typename: 'Memory', id: memory.id } });
      return;
    }
    case 'Broken tool?':
      await request.tools.call('Broken', {});
      return;
    case 'Crash?':
      throw new Error('an unexpected bug');
    case 'Long?':
      // A long answer written in one go, as the analyst writes one once its data is in.
      for (let i = 0; i < 1_000; i++) sink({ type: 'TOKEN', delta: `w${i} ` });
      return;
    case 'Slow?':
      // Writes until cancelled (bounded, so a broken cancel still ends the test).
      for (let i = 0; i < 2_000 && !request.signal.aborted; i++) {
        sink({ type: 'TOKEN', delta: `w${i} ` });
        await sleep(5);
      }
      return;
    default:
      for (let i = 0; i < 40; i++) {
        sink({ type: 'TOKEN', delta: `t${i} ` });
        await sleep(2);
      }
  }
};

/** The gateway tools the scripts use, as the fake MCP server answers them. */
export const scriptedTools: Record<string, FakeTool> = {
  SearchMemories: () => ({
    data: {
      searchMemories: [
        {
          score: 0.9,
          servedFrom: 'L2',
          memory: {
            id: 'mem_acme',
            content: 'Acme wants a renewal discount.',
            kind: 'NOTE',
            visibility: 'ORG',
            createdAt: '2026-11-01T00:00:00.000Z',
            source: { type: 'NOTE', title: 'Call notes' },
            account: { id: 'acc_acme' },
          },
        },
      ],
    },
  }),
  KpiCards: () => ({ data: { kpiCards: [{ value: 1234, metric: { id: 'revenue' } }] } }),
  Remember: () => ({ data: { remember: { merged: false, memory: { id: 'mem_new' }, errors: [] } } }),
  Broken: () => ({
    data: null,
    errors: [{ message: 'kpi is down', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } }],
  }),
};
