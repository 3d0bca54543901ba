#!/usr/bin/env -S npx tsx
/**
 * `npm run eval:assistant [-- --verbose --gateway http://127.0.0.1:4000 --anchor 2026-12-07]`: asks the
 * built-in analyst every question of the corpus over the demo company (a fresh stack anchored to today,
 * or a running gateway), first as a user with no history, then again after 100 earlier questions, and
 * prints accuracy per category, citations, invented figures and answers about other companies.
 */
import { parseArgs } from 'node:util';
import { createGatewayToolInvoker } from '../../subgraphs/chat/tests/analyst/gateway-tool-invoker.ts';
import { clearDirectoryCache } from '../../subgraphs/chat/src/analyst/index.ts';
import { table } from '../bench/report.ts';
import { startTestStack } from '../integration/stack-fixture.ts';
import { CATEGORIES } from './checks.ts';
import { buildCorpus } from './corpus/index.ts';
import { evaluate, type Score } from './evaluate.ts';
import { loadTruth, type GraphQL } from './truth.ts';

const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    gateway: { type: 'string' },
    anchor: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    email: { type: 'string' },
    prior: { type: 'string', default: '100' },
  },
});

const stack = values.gateway
  ? undefined
  : // The evaluation measures the answers, not the gateway's rate limits.
    await startTestStack({
      env: {
        SOPHIA_DEMO_ANCHOR: values.anchor,
        CHAT_RATE_PER_MINUTE: '1000000',
        RATE_LIMIT_COST_PER_MINUTE: '1000000000',
        RATE_LIMIT_MCP_PER_MINUTE: '1000000',
      },
    });
const gatewayUrl = values.gateway ?? stack!.gateway.url;
try {
  const login = await fetch(`${gatewayUrl}/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: values.email ? JSON.stringify({ email: values.email }) : '',
  });
  const { token } = (await login.json()) as { token: string };
  const graphqlUrl = `${gatewayUrl}/graphql`;
  const gql: GraphQL = async (query, variables = {}) => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: never; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  // The day the demo data is anchored to (a running gateway's: pass its SOPHIA_DEMO_ANCHOR as --anchor).
  const now = new Date(`${values.anchor}T12:00:00Z`);
  const truth = await loadTruth(gql, now);
  const corpus = buildCorpus(truth);
  const tools = createGatewayToolInvoker(graphqlUrl, token);
  clearDirectoryCache();

  const fresh = await evaluate(tools, corpus, now);
  const priorCount = Number(values.prior);
  // 100 earlier questions (the corpus from its middle on, so they differ from the run's order).
  const prior = Array.from({ length: priorCount }, (_, i) => corpus[(i * 7 + 3) % corpus.length]!);
  await evaluate(tools, prior, now);
  const after = await evaluate(tools, corpus, now);

  report(`${corpus.length} questions, as a user with no history`, fresh);
  report(`${corpus.length} questions, after ${priorCount} earlier questions`, after);
  const changed = fresh.outcomes.filter((o, i) => !o.failure !== !after.outcomes[i]!.failure);
  console.log(`answers whose verdict changed after the earlier questions: ${changed.length}`);
  for (const o of changed) console.log(`  ${o.case.question}`);
} finally {
  await stack?.stop();
}

function report(title: string, score: Score): void {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const rows = CATEGORIES.map((category) => {
    const { correct, total } = score.perCategory.get(category)!;
    return [category, String(total), String(correct), pct(correct / Math.max(1, total))];
  });
  rows.push([
    'overall',
    String(score.outcomes.length),
    String(score.outcomes.filter((o) => !o.failure).length),
    pct(score.overall),
  ]);
  console.log(`\n${title}\n${table(['category', 'questions', 'correct', 'accuracy'], rows)}`);
  console.log(`answers with citations: ${pct(score.cited)} (out-of-scope questions excluded)`);
  console.log(`invented figures: ${score.invented}`);
  console.log(`answers about another company given with Sophia's data: ${score.otherCompanyAnswered}`);
  for (const o of score.outcomes) {
    if (!values.verbose && !o.invented.length) continue;
    if (!o.failure && !o.invented.length) continue;
    console.log(
      `\n✗ [${o.case.category}] ${o.case.question}\n  ${o.failure ?? ''}${o.invented.length ? ` invented: ${o.invented.join(', ')}` : ''}\n  ${o.reply.text.slice(0, 400).replaceAll('\n', '\n  ')}`,
    );
  }
}
