#!/usr/bin/env -S npx tsx
/**
 * `npm run bench:chat [-- --messages 5 --concurrency 1,50 --transport mcp,operations --redis --profile d]`:
 * the built-in analyst answering through the gateway (all five subgraphs and the gateway as processes). Each
 * conversation sends `messages` questions one after another; for each, the time from sending `sendMessage` to
 * the first TOKEN and to the last token (DONE) of its `replyStream`, with 1 and with 50 conversations at once;
 * `--redis` keeps reply events in Redis; `--profile <dir>` has every service write a CPU profile there.
 *
 * Each transport (CHAT_TOOL_TRANSPORT: how chat calls the gateway's tools) gets a stack of its own, all
 * started before the first run, and the runs alternate between them at each concurrency, so the before
 * (`mcp`) and the after (`operations`) meet the same load on a shared machine; the ratios compare them. The
 * CPU time every service spent per reply is read from /proc, a figure the machine's load bends far less
 * than latency.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Client } from 'graphql-ws';
import { connect } from '../../gateway/tests/ws-client.ts';
import { startRedis } from '../../subgraphs/chat/tests/redis-server.ts';
import { startTestStack, type RunningStack } from '../integration/stack-fixture.ts';
import { percentile, table } from './report.ts';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '1,50' },
    /** Reply events in Redis Streams (a private redis-server) instead of in-process. */
    redis: { type: 'boolean', default: false },
    /** The transports to compare, the baseline first. */
    transport: { type: 'string', default: 'mcp,operations' },
    /** A directory where every service writes a V8 CPU profile when the bench stops it (DevTools). */
    profile: { type: 'string' },
  },
});
const MESSAGES = Number(values.messages);
const CONCURRENCY = values.concurrency.split(',').map(Number);
const TRANSPORTS = values.transport.split(',');
if (TRANSPORTS.some((transport) => transport !== 'mcp' && transport !== 'operations')) {
  throw new Error('--transport takes mcp and/or operations');
}

const QUESTIONS = [
  'What were our Q3 revenue numbers?',
  'What are our top deals this quarter?',
  'How is the pipeline looking this quarter?',
  'Which projects are at risk?',
  'How is ARR trending?',
];

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) {
  conversation { id } reply { id } errors { code message } } }`;
const STREAM = `subscription($id: ID!) { replyStream(messageId: $id) { seq type error { code } } }`;

interface Timing {
  /** Until sendMessage answered: the part of the first token's wait before the client can subscribe. */
  readonly sent: number;
  readonly firstToken: number;
  readonly lastToken: number;
}

/** Sends one question and follows its reply to the end. */
async function ask(
  stack: RunningStack,
  token: string,
  client: Client,
  text: string,
  conversationId: string | null,
): Promise<{ timing: Timing; failure: string | null; conversationId: string | null }> {
  const started = performance.now();
  const { data, errors } = await stack.query(SEND, {
    token,
    variables: { input: { text, ...(conversationId ? { conversationId } : {}) } },
  });
  // A refused or timed-out send is counted by its code, like a reply that ends in ERROR: on a busy
  // machine the run goes on and says how many failed.
  if (errors || data.sendMessage.errors.length > 0) {
    const code = String(
      (errors ?? data.sendMessage.errors)[0]?.extensions?.code ?? data?.sendMessage.errors[0]?.code,
    );
    return {
      timing: { sent: Number.NaN, firstToken: Number.NaN, lastToken: Number.NaN },
      failure: `send ${code}`,
      conversationId,
    };
  }
  const sent = performance.now() - started;
  let firstToken = Number.NaN;
  let lastToken = Number.NaN;
  let failure: string | null = null;
  await new Promise<void>((resolve, reject) => {
    client.subscribe<{ replyStream: { type: string; error: { code: string } | null } }>(
      { query: STREAM, variables: { id: data.sendMessage.reply.id } },
      {
        next: ({ data: event, errors: failed }) => {
          if (failed) return reject(new Error(JSON.stringify(failed)));
          const type = event?.replyStream.type;
          if (type === 'TOKEN') {
            if (Number.isNaN(firstToken)) firstToken = performance.now() - started;
            lastToken = performance.now() - started;
          }
          if (type === 'ERROR') failure = event?.replyStream.error?.code ?? 'ERROR';
        },
        error: reject,
        complete: resolve,
      },
    );
  });
  return {
    timing: { sent, firstToken, lastToken },
    failure,
    conversationId: data.sendMessage.conversation.id,
  };
}

/** The load average when a run starts: the machine is shared, so figures are read against it. */
function load(): string {
  return loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
}

/**
 * CPU milliseconds (user and system) each process of `stack` has used so far, found by the port in its
 * environment among this process's children; empty where /proc cannot tell (not Linux).
 */
function cpuMs(stack: RunningStack): Map<string, number> {
  const ports = new Map(
    [stack.gateway, ...Object.values(stack.subgraphs)].map((service) => [
      String(service.spec.port),
      service.spec.name,
    ]),
  );
  const used = new Map<string, number>();
  try {
    const tick = 10; // USER_HZ is 100 on Linux
    for (const pid of readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').split(
      /\s+/,
    )) {
      if (!pid) continue;
      const port = /(?:^|\0)PORT=(\d+)/.exec(readFileSync(`/proc/${pid}/environ`, 'utf8'))?.[1];
      const name = port && ports.get(port);
      if (!name) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      used.set(name, (Number(fields[11]) + Number(fields[12])) * tick);
    }
  } catch {
    return new Map();
  }
  return used;
}

async function run(stack: RunningStack, token: string, conversations: number) {
  // Each conversation keeps its socket between replies, as the dashboard does (its `lazyCloseTimeout`).
  const clients = Array.from({ length: conversations }, () =>
    connect(stack.graphqlUrl, { authorization: `Bearer ${token}` }, { held: true }),
  );
  const timings: Timing[] = [];
  // A reply that ends in ERROR is counted by its code, not timed.
  const failures: string[] = [];
  const started = performance.now();
  const cpuBefore = cpuMs(stack);
  const clientBefore = process.cpuUsage();
  await Promise.all(
    clients.map(async (client, index) => {
      let conversationId: string | null = null;
      for (let i = 0; i < MESSAGES; i++) {
        const question = QUESTIONS[(index + i) % QUESTIONS.length]!;
        const answer = await ask(stack, token, client, question, conversationId);
        conversationId = answer.conversationId ?? conversationId;
        if (answer.failure) failures.push(answer.failure);
        else timings.push(answer.timing);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuMs(stack);
  const client = process.cpuUsage(clientBefore);
  // Closed, not just asked to close: the next run's sockets count against the same viewer's limit.
  const closed = clients.map(
    (client) => new Promise<void>((resolve) => client.on('closed', () => resolve())),
  );
  await Promise.all(clients.map((client) => client.dispose()));
  await Promise.all(closed);
  const sorted = (of: (timing: Timing) => number) => timings.map(of).sort((a, b) => a - b);
  const sent = sorted((t) => t.sent);
  const first = sorted((t) => t.firstToken);
  const last = sorted((t) => t.lastToken);
  const count = timings.length + failures.length;
  const perService = new Map(
    [...cpuAfter].map(([name, ms]) => [name, (ms - (cpuBefore.get(name) ?? ms)) / count]),
  );
  const cpu = [...perService.values()].reduce((sum, ms) => sum + ms, 0);
  return {
    count,
    seconds,
    sent,
    first,
    last,
    failures,
    cpuPerReply: cpuAfter.size > 0 ? cpu : NaN,
    perService,
    /** This bench's own CPU per reply: its clients share the machine with the services they measure. */
    clientCpuPerReply: (client.user + client.system) / 1000 / count,
  };
}

type Result = Awaited<ReturnType<typeof run>>;

/** The processes whose CPU time per reply the bench reports, in its table's order. */
const SERVICES = ['gateway', 'chat', 'memory', 'kpi', 'sales', 'project'];

const redis = values.redis ? await startRedis() : undefined;
const stacks: Array<{ transport: string; stack: RunningStack; token: string }> = [];
try {
  for (const transport of TRANSPORTS) {
    // The per-user rate limit would refuse a benchmark's burst: it measures the pipeline, not the limiter.
    const stack = await startTestStack({
      env: {
        CHAT_RATE_PER_MINUTE: '1000000',
        RATE_LIMIT_MCP_PER_MINUTE: '1000000',
        RATE_LIMIT_COST_PER_MINUTE: '1000000000',
        CHAT_TOOL_TRANSPORT: transport,
        ...(redis ? { REDIS_URL: redis.url } : {}),
        ...(values.profile ? { SOPHIA_CPU_PROFILE_DIR: values.profile } : {}),
      },
    });
    stacks.push({ transport, stack, token: await stack.login() });
  }
  // One warm-up conversation each: first tool calls open connections and fill caches.
  for (const { stack, token } of stacks) await run(stack, token, 1);
  const rows: string[][] = [];
  const serviceRows: string[][] = [];
  const results = new Map<string, Result>();
  for (const conversations of CONCURRENCY) {
    for (const { transport, stack, token } of stacks) {
      const before = load();
      const result = await run(stack, token, conversations);
      results.set(`${transport} ${conversations}`, result);
      rows.push([
        transport,
        String(conversations),
        before,
        String(result.count),
        (result.count / result.seconds).toFixed(1),
        percentile(result.sent, 0.5).toFixed(0),
        percentile(result.sent, 0.95).toFixed(0),
        percentile(result.first, 0.5).toFixed(0),
        percentile(result.first, 0.95).toFixed(0),
        percentile(result.last, 0.5).toFixed(0),
        percentile(result.last, 0.95).toFixed(0),
        result.cpuPerReply.toFixed(1),
        result.failures.length === 0
          ? '0'
          : `${result.failures.length} (${[...new Set(result.failures)].join(', ')})`,
      ]);
      serviceRows.push([
        transport,
        String(conversations),
        ...SERVICES.map((name) => result.perService.get(name)?.toFixed(1) ?? '-'),
        result.clientCpuPerReply.toFixed(1),
      ]);
    }
  }
  const header = [
    'transport',
    'conversations',
    'load average (1, 5, 15 min)',
    'replies',
    'replies/s',
    'sendMessage p50 ms',
    'sendMessage p95 ms',
    'first token p50 ms',
    'first token p95 ms',
    'last token p50 ms',
    'last token p95 ms',
    'CPU ms per reply',
    'failed',
  ];
  console.log(`\nevent log: ${redis ? 'Redis Streams' : 'in-process'}\n${table(header, rows)}\n`);
  // Where the CPU goes: the services' shares of the CPU ms per reply above, and the bench's own beside them.
  const serviceHeader = [
    'transport',
    'conversations',
    ...SERVICES.map((name) => `${name} CPU ms`),
    'bench clients CPU ms',
  ];
  console.log(`${table(serviceHeader, serviceRows)}\n`);
  const [baseline, ...others] = TRANSPORTS;
  const ratios = others.flatMap((transport) =>
    CONCURRENCY.map((conversations) => {
      const before = results.get(`${baseline} ${conversations}`)!;
      const after = results.get(`${transport} ${conversations}`)!;
      const ratio = (of: (result: Result) => number) => `${(of(after) / of(before)).toFixed(2)}×`;
      return [
        `${transport} ÷ ${baseline}`,
        String(conversations),
        ratio((r) => r.count / r.seconds),
        ratio((r) => percentile(r.sent, 0.5)),
        ratio((r) => percentile(r.sent, 0.95)),
        ratio((r) => percentile(r.first, 0.5)),
        ratio((r) => percentile(r.first, 0.95)),
        ratio((r) => percentile(r.last, 0.5)),
        ratio((r) => percentile(r.last, 0.95)),
        ratio((r) => r.cpuPerReply),
      ];
    }),
  );
  if (ratios.length > 0) {
    const ratioHeader = ['ratio', 'conversations', ...header.slice(4, 12)];
    console.log(`${table(ratioHeader, ratios)}\n`);
  }
} finally {
  for (const { stack } of stacks) await stack.stop();
  await redis?.stop();
}
