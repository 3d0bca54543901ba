/**
 * `npm run bench:faults [-- --duration 600 --rate 200]`: mixed dashboard and assistant traffic through the
 * gateway while subgraphs are SIGKILLed and restarted (one a minute), one is hung with SIGSTOP for 30 s,
 * Redis is killed once, and 100 replies lose their socket mid-stream and resume. Prints what failed, where,
 * and whether anything failed outside the faulty subgraph's fields.
 */
import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { connect, record } from '../../gateway/tests/ws-client.ts';
import { freePort, sleep, startRedis } from '../../ops/src/testing/redis-server.ts';
import type { ServiceProcess } from '../../ops/src/launcher/service-process.ts';
import { startTestStack, type RunningStack } from '../integration/stack-fixture.ts';
import {
  ASSISTANT_QUESTIONS,
  DASHBOARD_QUERIES,
  SEND,
  STREAM,
  type ChatEvent,
  type DashboardQuery,
} from './faults/traffic.ts';
import { Timeline, type Fault } from './faults/timeline.ts';
import { percentile, table } from './report.ts';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '600' }, rate: { type: 'string', default: '200' } },
});
const DURATION_MS = Number(values.duration) * 1000;
const RATE = Number(values.rate);
const ASSISTANT_SHARE = 0.1;
const DISCONNECTS = 100;
const KILL_CYCLE = ['kpi', 'sales', 'memory', 'project'] as const;
const WINDOW_MS = 15_000;

interface Sample {
  readonly startMs: number;
  readonly endMs: number;
  readonly ok: boolean;
}

const redisPort = await freePort();
let redis: ChildProcess = await startRedis(redisPort);
const stack: RunningStack = await startTestStack({
  env: {
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    LOG_LEVEL: 'error',
    // The bench measures faults, not the per-viewer limits: one viewer sends all of it.
    CHAT_RATE_PER_MINUTE: '1000000',
    RATE_LIMIT_COST_PER_MINUTE: '1000000000',
    RATE_LIMIT_MCP_PER_MINUTE: '1000000',
  },
});
const token = await stack.login();
const t0 = performance.now();
const now = () => performance.now() - t0;
const timeline = new Timeline();

const samples: Sample[] = [];
const errorsBySubgraph = new Map<string, number>();
const outside: string[] = [];
let requests = 0;
let gatewayRestarts = 0;
let disconnects = 0;
let resumedReplies = 0;
let tokensLost = 0;
let running = true;
const inFlight = new Set<Promise<unknown>>();

const countError = (where: string, startMs: number, example: string) => {
  errorsBySubgraph.set(where, (errorsBySubgraph.get(where) ?? 0) + 1);
  const failing = new Set([...timeline.failingAt(startMs), ...timeline.failingAt(now())]);
  if (!failing.has(where)) outside.push(`${(startMs / 1000).toFixed(1)}s ${where}: ${example}`);
};

async function dashboardRequest(query: DashboardQuery): Promise<void> {
  const startMs = now();
  requests += 1;
  let ok = false;
  try {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: query.query }),
    });
    const body = (await response.json()) as {
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    };
    if (response.status !== 200)
      countError('gateway', startMs, `HTTP ${response.status} ${body.errors?.[0]?.message}`);
    for (const error of body.errors ?? []) {
      const subgraph = String(error.extensions?.['serviceName'] ?? 'gateway');
      countError(subgraph, startMs, `${query.name}: ${error.message}`);
    }
    ok = response.status === 200 && !body.errors;
  } catch (error) {
    countError('gateway', startMs, `${query.name}: ${(error as Error).message}`);
  }
  samples.push({ startMs, endMs: now(), ok });
}

/** One reply followed to its end; the first DISCONNECTS of them lose their socket mid-reply and resume. */
async function assistantRequest(): Promise<void> {
  const startMs = now();
  requests += 1;
  const question = ASSISTANT_QUESTIONS[requests % ASSISTANT_QUESTIONS.length]!;
  try {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SEND, variables: { input: { text: question } } }),
    });
    const body = (await response.json()) as {
      data?: { sendMessage: { reply: { id: string } | null } } | null;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    };
    const id = body.data?.sendMessage.reply?.id;
    if (!id) {
      const subgraph = String(body.errors?.[0]?.extensions?.['serviceName'] ?? 'gateway');
      countError(subgraph, startMs, `sendMessage: ${body.errors?.[0]?.message ?? response.status}`);
      return;
    }
    const drill = disconnects < DISCONNECTS;
    if (drill) disconnects += 1;
    const head = drill ? await follow(id, { stopAfter: 3 }) : [];
    const tail = await follow(id, { after: head.at(-1)?.seq ?? null });
    const last = tail.at(-1) ?? head.at(-1);
    // A reply's tools reach every subgraph: its failure belongs to whichever fault was on while it ran.
    if (last?.type === 'ERROR') {
      const during = [...timeline.failingAt(startMs), ...timeline.failingAt(now())];
      countError(
        during[0] ?? 'chat',
        startMs,
        `reply ended with ${last.error?.code}: ${last.error?.message}`,
      );
    }
    if (drill) {
      resumedReplies += 1;
      // Every token the whole reply has must have reached the client before or after the disconnect.
      const seen = new Set([...head, ...tail].map((event) => event.seq));
      const whole = await follow(id, { after: null });
      tokensLost += whole.filter((event) => event.type === 'TOKEN' && !seen.has(event.seq)).length;
    }
  } catch (error) {
    countError('chat', startMs, `reply: ${(error as Error).message}`);
  }
}

async function follow(
  id: string,
  options: { after?: number | null; stopAfter?: number },
): Promise<ChatEvent[]> {
  const client = connect(stack.graphqlUrl, { authorization: `Bearer ${token}` });
  try {
    const recording = record<{ replyStream: ChatEvent }>(client, {
      query: STREAM,
      variables: { id, after: options.after ?? null },
    });
    if (options.stopAfter !== undefined) {
      const early = await Promise.race([
        recording.received(options.stopAfter),
        recording.ended.then(() => null),
      ]);
      if (early) return early.map((result) => result.data!.replyStream);
    } else await recording.ended;
    return recording.results.flatMap((result) => (result.data ? [result.data.replyStream] : []));
  } finally {
    // Dropping the socket mid-reply is the point of the drill: the server must let the reply go on.
    void client.dispose();
  }
}

/** Polls through the affected subgraphs until a request comes back clean: that is recovery. */
async function waitRecovered(fault: Fault): Promise<void> {
  const probe =
    DASHBOARD_QUERIES.find((q) => fault.affects.every((s) => q.subgraphs.includes(s))) ??
    DASHBOARD_QUERIES[3]!;
  for (;;) {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: probe.query }),
    }).catch(() => undefined);
    const body = response ? ((await response.json().catch(() => ({}))) as { errors?: unknown[] }) : undefined;
    if (response?.status === 200 && !body?.errors) {
      fault.recoveredMs = now();
      return;
    }
    await sleep(250);
  }
}

const processOf = (service: ServiceProcess) => (service as unknown as { child: ChildProcess }).child;

async function killAndRestart(name: (typeof KILL_CYCLE)[number]): Promise<void> {
  const fault = timeline.start({ kind: 'SIGKILL + restart', target: name, affects: [name] }, now());
  await stack.subgraphs[name].stop('SIGKILL');
  await stack.subgraphs[name].start();
  fault.endMs = now();
  await waitRecovered(fault);
}

async function hang(name: (typeof KILL_CYCLE)[number], ms: number): Promise<void> {
  const fault = timeline.start({ kind: 'SIGSTOP 30 s', target: name, affects: [name] }, now());
  processOf(stack.subgraphs[name]).kill('SIGSTOP');
  await sleep(ms);
  processOf(stack.subgraphs[name]).kill('SIGCONT');
  fault.endMs = now();
  await waitRecovered(fault);
}

async function killRedis(): Promise<void> {
  const fault = timeline.start({ kind: 'Redis killed', target: 'redis', affects: ['chat', 'memory'] }, now());
  redis.kill('SIGKILL');
  await sleep(5_000);
  redis = await startRedis(redisPort);
  fault.endMs = now();
  await waitRecovered(fault);
}

// A gateway that exits is a crash: count it and start it again, as its pod would be.
const watchGateway = async (): Promise<void> => {
  await stack.gateway.whenExited();
  if (!running) return;
  gatewayRestarts += 1;
  await stack.gateway.start();
  void watchGateway();
};
void watchGateway();

// The faults, on a schedule that scales with the run: a kill every minute from 20 s, the hang at 40 s
// (or 30% in), Redis at 80%.
const faults: Promise<void>[] = [];
const schedule = (atMs: number, run: () => Promise<void>) =>
  faults.push(sleep(atMs).then(() => (running ? run() : undefined)));
for (let at = 20_000, i = 0; at < DURATION_MS - 15_000; at += 60_000, i += 1) {
  schedule(at, () => killAndRestart(KILL_CYCLE[i % KILL_CYCLE.length]!));
}
const hangAt = DURATION_MS >= 120_000 ? 40_000 : DURATION_MS * 0.3;
schedule(hangAt, () => hang('project', Math.min(30_000, DURATION_MS * 0.25)));
schedule(DURATION_MS * 0.8, killRedis);

// Open-loop traffic: RATE requests a second whatever the answers do, in 50 ms slices.
let owed = 0;
const traffic = setInterval(() => {
  owed += RATE / 20;
  for (; owed >= 1; owed -= 1) {
    const work =
      Math.random() < ASSISTANT_SHARE
        ? assistantRequest()
        : dashboardRequest(DASHBOARD_QUERIES[Math.floor(Math.random() * DASHBOARD_QUERIES.length)]!);
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }
}, 50);
await sleep(DURATION_MS);
clearInterval(traffic);
await Promise.all(faults);
await Promise.all(inFlight);
running = false;

const p95Between = (from: number, to: number) => {
  const latencies = samples
    .filter((s) => s.startMs >= from && s.startMs < to)
    .map((s) => s.endMs - s.startMs);
  return percentile(
    latencies.sort((a, b) => a - b),
    0.95,
  );
};
const ms = (value: number) => (Number.isNaN(value) ? '–' : `${Math.round(value)}`);

console.log(
  `\nFault suite: ${values.duration} s at ${RATE} requests/s (${Math.round(ASSISTANT_SHARE * 100)}% assistant)\n`,
);
console.log(
  table(
    ['measure', 'value'],
    [
      ['requests', String(requests)],
      ['clean answers (dashboard)', `${samples.filter((s) => s.ok).length} of ${samples.length}`],
      ['errors by subgraph', [...errorsBySubgraph].map(([s, n]) => `${s} ${n}`).join(', ') || '0'],
      ['errors outside the failing subgraph’s fields', String(outside.length)],
      ['gateway restarts', String(gatewayRestarts)],
      ['replies disconnected mid-reply and resumed', `${resumedReplies} of ${disconnects}`],
      ['tokens lost on resumed replies', String(tokensLost)],
    ],
  ),
);
console.log('');
console.log(
  table(
    [
      'fault',
      'target',
      'at s',
      'p95 before ms',
      'p95 during ms',
      'p95 after ms',
      'during/before',
      'recovered after s',
    ],
    timeline.faults.map((fault) => {
      const recovered = fault.recoveredMs ?? now();
      const before = p95Between(fault.startMs - WINDOW_MS, fault.startMs);
      const during = p95Between(fault.startMs, recovered);
      return [
        fault.kind,
        fault.target,
        (fault.startMs / 1000).toFixed(0),
        ms(before),
        ms(during),
        ms(p95Between(recovered, recovered + WINDOW_MS)),
        Number.isNaN(during / before) ? '–' : `${(during / before).toFixed(2)}x`,
        fault.recoveredMs === undefined
          ? 'not recovered'
          : ((fault.recoveredMs - fault.startMs) / 1000).toFixed(1),
      ];
    }),
  ),
);
if (outside.length > 0)
  console.log(`\nErrors outside the failing subgraph (first 10):\n${outside.slice(0, 10).join('\n')}`);

await stack.stop();
redis.kill('SIGTERM');
process.exit(0);
