import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { graph, row, single, sophiaDashboard } from './panels.ts';

/** p95 of a histogram over 5 minutes, grouped by `by`. */
const p95 = (metric: string, selector: string, by: string) =>
  `histogram_quantile(0.95, sum by (le${by ? `, ${by}` : ''}) (rate(${metric}_bucket{${selector}}[5m])))`;
const rate = (metric: string, selector: string, by: string) =>
  `sum by (${by}) (rate(${metric}{${selector}}[5m]))`;

const OPERATIONS = 'sophia_graphql_operation_duration_seconds';
const FETCHES = 'sophia_subgraph_fetch_duration_seconds';

function overview() {
  return sophiaDashboard(
    'sophia-overview',
    'Sophia · Overview',
    'The SLOs at a glance: availability, latency, errors.',
  )
    .withRow(row('Service level objectives'))
    .withPanel(
      single(
        'Availability (30 d)',
        'percentunit',
        '1 - sophia:availability_errors:ratio_rate30d',
        'Target 99.9%.',
      ),
    )
    .withPanel(
      single(
        'Error budget burn (1 h)',
        'none',
        'sophia:availability_errors:ratio_rate1h / 0.001',
        '1 spends the budget in exactly 30 days.',
      ),
    )
    .withPanel(single('API p95', 's', 'sophia:api_latency_seconds:p95_5m', 'Target < 200 ms.'))
    .withPanel(single('Chat first token p95', 's', 'sophia:chat_first_token_seconds:p95_5m', 'Target < 2 s.'))
    .withRow(row('Traffic'))
    .withPanel(
      graph('Requests per second by service', 'reqps', [
        { expr: rate('sophia_http_requests_total', '', 'service'), legend: '{{service}}' },
      ]),
    )
    .withPanel(
      graph('Gateway 5xx ratio', 'percentunit', [
        { expr: 'sophia:availability_errors:ratio_rate5m', legend: '5xx' },
      ]),
    )
    .build();
}

function gateway() {
  return sophiaDashboard(
    'sophia-gateway',
    'Sophia · Gateway',
    'Operations, subgraph fetches, breakers and shedding.',
  )
    .withRow(row('Operations'))
    .withPanel(
      graph('Operations per second', 'reqps', [
        { expr: rate(`${OPERATIONS}_count`, 'service="gateway"', 'operation'), legend: '{{operation}}' },
      ]),
    )
    .withPanel(
      graph('Operation p95', 's', [
        { expr: p95(OPERATIONS, 'service="gateway"', 'operation'), legend: '{{operation}}' },
      ]),
    )
    .withPanel(
      graph('Operation errors per second', 'reqps', [
        {
          expr: rate(`${OPERATIONS}_count`, 'service="gateway",outcome="error"', 'operation'),
          legend: '{{operation}}',
        },
      ]),
    )
    .withRow(row('Subgraphs'))
    .withPanel(
      graph('Fetches per second by subgraph and outcome', 'reqps', [
        { expr: rate(`${FETCHES}_count`, '', 'subgraph, outcome'), legend: '{{subgraph}} {{outcome}}' },
      ]),
    )
    .withPanel(
      graph('Fetch p95 by subgraph', 's', [
        { expr: p95(FETCHES, 'outcome="ok"', 'subgraph'), legend: '{{subgraph}}' },
      ]),
    )
    .withPanel(
      graph('Circuit breakers (0 closed, 1 half-open, 2 open)', 'none', [
        { expr: 'max by (subgraph) (sophia_subgraph_breaker_state)', legend: '{{subgraph}}' },
      ]),
    )
    .withPanel(
      graph('Retries and shared fetches per second', 'reqps', [
        { expr: rate('sophia_subgraph_retries_total', '', 'subgraph'), legend: 'retries {{subgraph}}' },
        { expr: rate('sophia_subgraph_deduplicated_total', '', 'subgraph'), legend: 'shared {{subgraph}}' },
      ]),
    )
    .withRow(row('Load'))
    .withPanel(
      graph('Shed requests per second', 'reqps', [
        { expr: rate('sophia_shed_requests_total', '', 'reason'), legend: '{{reason}}' },
      ]),
    )
    .withPanel(
      graph('In flight and event-loop lag', 'none', [
        { expr: 'sum(sophia_http_in_flight_requests)', legend: 'in flight' },
        {
          expr: 'max(sophia_nodejs_eventloop_lag_p99_seconds{service="gateway"}) * 1000',
          legend: 'lag p99 ms',
        },
      ]),
    )
    .build();
}

function memory() {
  return sophiaDashboard(
    'sophia-memory',
    'Sophia · Memory and embeddings',
    'Search tiers, caches and the embedding queue.',
  )
    .withRow(row('Embeddings'))
    .withPanel(
      graph(
        'Embedding queue depth',
        'none',
        [{ expr: 'sum by (pod) (sophia_embedding_queue_depth)', legend: '{{pod}}' }],
        'What the GPU pool scales on.',
      ),
    )
    .withPanel(
      graph('Embedding calls per second by outcome', 'reqps', [
        {
          expr: rate('sophia_embedding_calls_total', '', 'provider, outcome'),
          legend: '{{provider}} {{outcome}}',
        },
      ]),
    )
    .withPanel(
      graph('Embedding call p95', 's', [
        { expr: p95('sophia_embedding_call_seconds', '', 'provider'), legend: '{{provider}}' },
      ]),
    )
    .withPanel(
      graph('Texts per batch (p50, p95)', 'none', [
        {
          expr: 'histogram_quantile(0.5, sum by (le) (rate(sophia_embedding_batch_size_bucket[5m])))',
          legend: 'p50',
        },
        {
          expr: 'histogram_quantile(0.95, sum by (le) (rate(sophia_embedding_batch_size_bucket[5m])))',
          legend: 'p95',
        },
      ]),
    )
    .withRow(row('Memory operations'))
    .withPanel(
      graph('Memory operation p95', 's', [
        { expr: p95(OPERATIONS, 'service="memory"', 'operation'), legend: '{{operation}}' },
      ]),
    )
    .withPanel(
      graph('Cache requests per second', 'reqps', [
        {
          expr: 'sum by (cache, result) (rate(sophia_cache_requests_total[5m]))',
          legend: '{{cache}} {{result}}',
        },
      ]),
    )
    .build();
}

function chat() {
  return sophiaDashboard(
    'sophia-chat',
    'Sophia · Chat',
    'Replies: time to first token, whole reply, outcomes.',
  )
    .withRow(row('Replies'))
    .withPanel(
      graph(
        'First token p50 / p95',
        's',
        [
          {
            expr: 'histogram_quantile(0.5, sum by (le) (rate(sophia_chat_first_token_seconds_bucket[5m])))',
            legend: 'p50',
          },
          { expr: 'sophia:chat_first_token_seconds:p95_5m', legend: 'p95' },
        ],
        'Target p95 < 2 s.',
      ),
    )
    .withPanel(
      graph('Whole reply p95 by outcome', 's', [
        { expr: p95('sophia_chat_reply_seconds', '', 'outcome'), legend: '{{outcome}}' },
      ]),
    )
    .withPanel(
      graph('Replies per second by outcome', 'reqps', [
        { expr: rate('sophia_chat_reply_seconds_count', '', 'outcome'), legend: '{{outcome}}' },
      ]),
    )
    .withPanel(
      graph('Chat operation p95', 's', [
        { expr: p95(OPERATIONS, 'service="chat"', 'operation'), legend: '{{operation}}' },
      ]),
    )
    .build();
}

/** Every dashboard by file name: what `npm run observability` writes to ops/observability/grafana/. */
export function sophiaDashboards(): Record<string, dashboard.Dashboard> {
  return {
    'overview.json': overview(),
    'gateway.json': gateway(),
    'memory-and-embeddings.json': memory(),
    'chat.json': chat(),
  };
}
