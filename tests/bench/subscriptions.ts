#!/usr/bin/env -S npx tsx
/**
 * `npm run bench:subscriptions [-- --subscriptions 200 --sockets 20 --events 200]`: N subscriptions through the
 * gateway (all five subgraphs and the gateway as processes), events driven by `moveDealStage`. Reports
 * deliveries per second and the latency the gateway adds per event: from a direct subscriber on the sales
 * subgraph receiving an event to a gateway subscriber receiving the same one, both in this process.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Client } from 'graphql-ws';
import { DEV_INTERNAL_TOKEN_SECRET, signViewerToken, VIEWER_CONNECTION_PARAM } from '@sophia/kit';
import { CEO } from '@sophia/kit/testing';
import { generateCompany } from '@sophia/ops';
import { sampleSum } from '../../gateway/tests/prometheus.ts';
import { connect } from '../../gateway/tests/ws-client.ts';
import { startTestStack, TEST_ANCHOR, type RunningStack } from '../integration/stack-fixture.ts';
import { percentile, table } from './report.ts';

const { values } = parseArgs({
  options: {
    subscriptions: { type: 'string', default: '200' },
    sockets: { type: 'string', default: '20' },
    events: { type: 'string', default: '200' },
  },
});
const SUBSCRIPTIONS = Number(values.subscriptions);
const SOCKETS = Number(values.sockets);
const EVENTS = Number(values.events);
/** Moves in flight at once, each lane on its own deal (the store applies them one at a time). */
const LANES = 4;
const WARM_UP_EVENTS = 8;

const SCENARIOS = [
  { name: 'sales fields only', fields: 'deal { id name amount }' },
  {
    name: '+ owner (project), memories (memory)',
    fields: 'deal { id name amount owner { name team { name } } account { name memories(limit: 3) { id } } }',
  },
];

interface Change {
  readonly stage: string;
  readonly changedAt: string;
  readonly deal: { readonly id: string };
}
const keyOf = (change: Change) => `${change.deal.id}|${change.stage}|${change.changedAt}`;

/** Records when each event reaches this process, by event. */
function listen(client: Client, fields: string, arrivals: Map<string, number[]>): void {
  client.subscribe<{ dealStageChanged: Change }>(
    { query: `subscription { dealStageChanged { stage changedAt ${fields} } }` },
    {
      next: ({ data }) => {
        const at = performance.now();
        if (!data) return;
        const key = keyOf(data.dealStageChanged);
        const seen = arrivals.get(key);
        if (seen) seen.push(at);
        else arrivals.set(key, [at]);
      },
      error: (error) => console.error('subscription failed', error),
      complete: () => {},
    },
  );
}

async function run(
  stack: RunningStack,
  token: string,
  scenario: (typeof SCENARIOS)[number],
  lanes: string[][],
) {
  const salesActive = async () =>
    sampleSum(
      await (await fetch(`${stack.subgraphs.sales.url}/metrics`)).text(),
      'sophia_subscriptions_active',
    );
  const direct = new Map<string, number[]>();
  const through = new Map<string, number[]>();
  const secret = process.env['INTERNAL_TOKEN_SECRET'] ?? DEV_INTERNAL_TOKEN_SECRET;
  const directClient = connect(`${stack.subgraphs.sales.url}/graphql`, {
    [VIEWER_CONNECTION_PARAM]: await signViewerToken(CEO, secret),
  });
  listen(directClient, 'deal { id }', direct);
  while ((await salesActive()) < 1) await new Promise((resolve) => setTimeout(resolve, 50));
  const clients = Array.from({ length: SOCKETS }, () =>
    connect(stack.graphqlUrl, { authorization: `Bearer ${token}` }),
  );
  for (let i = 0; i < SUBSCRIPTIONS; i++) listen(clients[i % SOCKETS]!, scenario.fields, through);
  while ((await salesActive()) < SUBSCRIPTIONS + 1) await new Promise((resolve) => setTimeout(resolve, 50));

  const move = async (id: string, stage: string) => {
    const { errors } = await stack.query(
      'mutation($id: ID!, $stage: DealStage!) { moveDealStage(id: $id, stage: $stage) { errors { code } } }',
      { token, variables: { id, stage } },
    );
    if (errors) throw new Error(JSON.stringify(errors));
  };
  const drive = (count: number) =>
    Promise.all(
      lanes.map(async (stages, lane) => {
        for (let i = lane; i < count; i += LANES)
          await move(stages[0]!, stages[1 + (Math.floor(i / LANES) % 2)]!);
      }),
    );
  const delivered = () => [...through.values()].reduce((sum, times) => sum + times.length, 0);
  const waitFor = async (deliveries: number) => {
    while (delivered() < deliveries) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  await drive(WARM_UP_EVENTS);
  await waitFor(WARM_UP_EVENTS * SUBSCRIPTIONS);
  direct.clear();
  through.clear();
  const started = performance.now();
  await drive(EVENTS);
  await waitFor(EVENTS * SUBSCRIPTIONS);
  const seconds = (performance.now() - started) / 1000;

  const added = [...through].flatMap(([key, times]) => {
    const first = direct.get(key)?.[0];
    return first === undefined ? [] : times.map((time) => time - first);
  });
  added.sort((a, b) => a - b);
  await Promise.all([directClient, ...clients].map((client) => client.dispose()));
  while ((await salesActive()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    deliveriesPerSecond: (EVENTS * SUBSCRIPTIONS) / seconds,
    eventsPerSecond: EVENTS / seconds,
    p50: percentile(added, 0.5),
    p99: percentile(added, 0.99),
    matched: added.length,
  };
}

const stack = await startTestStack();
try {
  const token = await stack.login();
  // Each lane moves one open deal back and forth between two stages, so every move is a change.
  const deals = generateCompany({ anchor: TEST_ANCHOR }).deals.filter((deal) => deal.stage === 'PROSPECTING');
  const lanes = deals.slice(0, LANES).map((deal) => [deal.id, 'QUALIFICATION', 'PROPOSAL']);
  const rows: string[][] = [];
  for (const scenario of SCENARIOS) {
    const result = await run(stack, token, scenario, lanes);
    if (result.matched !== EVENTS * SUBSCRIPTIONS) throw new Error(`matched ${result.matched} deliveries`);
    rows.push([
      scenario.name,
      String(SUBSCRIPTIONS),
      String(SOCKETS),
      String(EVENTS),
      result.eventsPerSecond.toFixed(0),
      result.deliveriesPerSecond.toFixed(0),
      result.p50.toFixed(2),
      result.p99.toFixed(2),
    ]);
  }
  const header = [
    'event fields',
    'subs',
    'sockets',
    'events',
    'events/s',
    'deliveries/s',
    'added p50 ms',
    'added p99 ms',
  ];
  console.log(`\n${table(header, rows)}\n`);
} finally {
  await stack.stop();
}
