#!/usr/bin/env -S npx tsx
/**
 * `npm run bench:deal-changes [-- --moves 20]`: how soon kpi's numbers follow a write in sales, through the
 * gateway (all five subgraphs and the gateway as processes). Each move wins or reopens a deal; the time is from
 * the mutation's answer to the first read of this quarter's bookings that shows it. Two stacks: deal changes
 * live on Redis (catch-up as the safety net), and without Redis (the catch-up alone, `npm start` as is).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateCompany } from '@sophia/ops';
import { startPrivateRedis } from '../../ops/src/testing/redis-server.ts';
import { startTestStack, TEST_ANCHOR, type RunningStack } from '../integration/stack-fixture.ts';
import { percentile, table } from './report.ts';

const { values } = parseArgs({ options: { moves: { type: 'string', default: '20' } } });
const MOVES = Number(values.moves);
const POLL_MS = 20;

const BOOKINGS = `{ metric(id: "new_bookings") { value(period: "2026-Q4") } }`;
const MOVE = `mutation($id: ID!, $stage: DealStage!) { moveDealStage(id: $id, stage: $stage) { errors { code } } }`;
const [deal] = generateCompany({ anchor: TEST_ANCHOR }).deals.filter(
  (candidate) => candidate.stage === 'QUALIFICATION' && candidate.closeDate > '2026-12-31',
);

async function measure(stack: RunningStack): Promise<number[]> {
  const token = await stack.login();
  const bookings = async () => (await stack.query(BOOKINGS, { token })).data.metric.value as number;
  const latencies: number[] = [];
  for (let move = 0; move < MOVES; move++) {
    const before = await bookings();
    const stage = move % 2 === 0 ? 'CLOSED_WON' : 'QUALIFICATION';
    const { data } = await stack.query(MOVE, { token, variables: { id: deal!.id, stage } });
    if (data.moveDealStage.errors.length > 0) throw new Error(JSON.stringify(data.moveDealStage.errors));
    const moved = performance.now();
    while ((await bookings()) === before) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    latencies.push(performance.now() - moved);
  }
  return latencies.sort((a, b) => a - b);
}

const rows: string[][] = [];
const redis = await startPrivateRedis();
for (const [name, env] of [
  ['live on Redis', { REDIS_URL: redis.url }],
  ['catch-up only (no Redis)', {}],
] as const) {
  const stack = await startTestStack({ env });
  try {
    const ms = await measure(stack);
    const at = (q: number) => `${percentile(ms, q).toFixed(0)} ms`;
    rows.push([name, String(ms.length), at(0.5), at(0.95), `${ms.at(-1)!.toFixed(0)} ms`]);
  } finally {
    await stack.stop();
  }
}
await redis.stop();
console.log(`\nsales write → kpi bookings through the gateway (poll every ${POLL_MS} ms)\n`);
console.log(table(['feed', 'moves', 'p50', 'p95', 'max'], rows));
