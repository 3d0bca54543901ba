#!/usr/bin/env -S npx tsx
/**
 * `npm run bench:limits [-- --idle 50]`: every hostile case of the gateway's corpus (gateway/tests/
 * hostile-corpus.ts) sent to a real stack (five subgraphs and the gateway as processes), each beside a trivial
 * query (`{ me { name } }`). Per case: the status, the time to the refusal, and the latency the trivial query
 * saw, against the same query's median on the idle gateway measured first.
 */
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { hostileCases } from '../../gateway/tests/hostile-corpus.ts';
import { startTestStack } from '../integration/stack-fixture.ts';
import { percentile, table } from './report.ts';

const { values } = parseArgs({ options: { idle: { type: 'string', default: '50' } } });

/** POSTs a body and resolves with the status and the milliseconds until the whole answer arrived. */
function timedPost(
  url: string,
  body: string | Buffer,
  token?: string,
): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers['authorization'] = `Bearer ${token}`;
    const req = request(url, { method: 'POST', headers });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    req.end(body);
  });
}

const stack = await startTestStack({
  env: { RATE_LIMIT_COST_PER_MINUTE: '1000000000', SHED_MAX_EVENT_LOOP_LAG_MS: '60000' },
});
try {
  const token = await stack.login();
  const trivialBody = JSON.stringify({ query: '{ me { name } }' });
  const trivial = () => timedPost(stack.graphqlUrl, trivialBody, token);
  for (let i = 0; i < 10; i++) await trivial(); // warm the plan cache and connections
  const idle: number[] = [];
  for (let i = 0; i < Number(values.idle); i++) idle.push((await trivial()).ms);
  idle.sort((a, b) => a - b);
  const idleMedian = percentile(idle, 0.5);

  const rows: string[][] = [];
  const byFamily = new Map<string, { refusal: number[]; beside: number[] }>();
  for (const hostile of hostileCases()) {
    const [refused, beside] = await Promise.all([timedPost(stack.graphqlUrl, hostile.body), trivial()]);
    const family = byFamily.get(hostile.family) ?? { refusal: [], beside: [] };
    family.refusal.push(refused.ms);
    family.beside.push(beside.ms);
    byFamily.set(hostile.family, family);
    rows.push([
      hostile.family,
      hostile.name.slice(0, 40),
      String(refused.status),
      refused.ms.toFixed(1),
      `${beside.status} ${beside.ms.toFixed(1)}`,
      (beside.ms / idleMedian).toFixed(2),
    ]);
  }
  console.log(
    `Trivial query on the idle gateway: median ${idleMedian.toFixed(1)} ms, p95 ${percentile(idle, 0.95).toFixed(1)} ms (${idle.length} runs)\n`,
  );
  console.log(table(['family', 'case', 'status', 'refused (ms)', 'trivial beside (ms)', '× idle'], rows));
  console.log('\nBy family (medians):\n');
  console.log(
    table(
      ['family', 'cases', 'refused (ms)', 'trivial beside (ms)', '× idle'],
      [...byFamily].map(([family, { refusal, beside }]) => {
        const sortedBeside = [...beside].sort((a, b) => a - b);
        const median = percentile(sortedBeside, 0.5);
        return [
          family,
          String(refusal.length),
          percentile(
            [...refusal].sort((a, b) => a - b),
            0.5,
          ).toFixed(1),
          median.toFixed(1),
          (median / idleMedian).toFixed(2),
        ];
      }),
    ),
  );
} finally {
  await stack.stop();
}
