/**
 * The assistant evaluation (tests/eval) on a sample of its corpus, in-process against the real stack: the
 * built-in analyst must keep its score, invent no figure and never answer for another company with
 * Sophia's data. `npm run eval:assistant` runs the whole corpus and prints the table.
 */
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { clearDirectoryCache } from '../../src/analyst/index.ts';
import {
  startTestStack,
  TEST_ANCHOR,
  type RunningStack,
} from '../../../../tests/integration/stack-fixture.ts';
import { buildCorpus } from '../../../../tests/eval/corpus/index.ts';
import { evaluate, sample } from '../../../../tests/eval/evaluate.ts';
import { loadTruth } from '../../../../tests/eval/truth.ts';
import { createGatewayToolInvoker } from './gateway-tool-invoker.ts';

/** @default 0.95: the bar for the whole corpus, kept by every sample of it. */
const FLOOR = 0.95;
const SAMPLE = 57;
const NOW = new Date(`${TEST_ANCHOR}T12:00:00Z`);

let stack: RunningStack;
// Six processes start on a shared machine: allow them longer than the project's default hook timeout.
beforeAll(async () => {
  // The evaluation measures the answers, not the gateway's rate limits.
  stack = await startTestStack({ env: { RATE_LIMIT_COST_PER_MINUTE: '1000000000' } });
}, 300_000);
afterAll(async () => {
  await stack?.stop();
});

it(
  `answers a ${SAMPLE}-question sample of the evaluation corpus at ${FLOOR * 100}% or better, with no invented figure`,
  { timeout: 900_000 },
  async () => {
    const token = await stack.login();
    const truth = await loadTruth(async (query, variables) => {
      const result = await stack.query(query, { variables: variables ?? {}, token });
      expect(result.errors).toBeUndefined();
      return result.data;
    }, NOW);
    const corpus = buildCorpus(truth);
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    clearDirectoryCache();
    const score = await evaluate(
      createGatewayToolInvoker(stack.graphqlUrl, token),
      sample(corpus, SAMPLE),
      NOW,
      2,
    );
    onTestFailed(() => {
      for (const o of score.outcomes.filter((o) => o.failure || o.invented.length > 0)) {
        console.log(`✗ ${o.case.question}: ${o.failure ?? ''} ${o.invented.join(', ')}\n${o.reply.text}`);
      }
    });
    expect(new Set(score.outcomes.map((o) => o.case.category)).size).toBe(10);
    expect(score.overall).toBeGreaterThanOrEqual(FLOOR);
    expect(score.invented).toBe(0);
    expect(score.otherCompanyAnswered).toBe(0);
  },
);
