import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Client } from 'graphql-ws';
import { connect, record } from '../../gateway/tests/ws-client.ts';
import { connectedTrace, startOtlpReceiver, type ReceivedSpan } from './otlp-receiver.ts';
import { startTestStack, type RunningStack } from './stack-fixture.ts';

/** kpi, sales, project and memory in one request. */
const CROSS_SUBGRAPH = /* GraphQL */ `
  query Traced {
    kpiCards(period: "Q3") {
      value
    }
    topDeals(period: "Q3", limit: 2) {
      name
      owner {
        name
      }
      account {
        name
        memories(limit: 1) {
          id
        }
      }
    }
  }
`;
const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { reply { id } errors { code } } }`;
const STREAM = `subscription Stream($id: ID!) { replyStream(messageId: $id) { seq type delta } }`;

/** A W3C parent the test itself plays: every span of the request must descend from it. */
function testParent() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

const servicesOf = (spans: readonly ReceivedSpan[]) => new Set(spans.map((span) => span.service));
const named = (spans: readonly ReceivedSpan[], name: string) => spans.filter((span) => span.name === name);

describe('one connected trace per request, across every service it touches', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let stack: RunningStack;
  let token: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    stack = await startTestStack({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_BSP_SCHEDULE_DELAY: '100',
        // Neither Apollo's usage reporting nor metrics and logs exporters: traces only, to the receiver.
        APOLLO_TELEMETRY_DISABLED: 'true',
        OTEL_METRICS_EXPORTER: 'none',
        OTEL_LOGS_EXPORTER: 'none',
      },
    });
    token = await stack.login();
  });

  /**
   * Services export their spans in their own batches, so a child can arrive before its parent: the trace is
   * complete once every span but the test's own parent has its parent among the received spans.
   */
  const hangsOffOnly = (trace: ReturnType<typeof connectedTrace>, parentSpanId: string) =>
    trace.roots.every((root) => root.parentSpanId === parentSpanId);

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await stack?.stop();
    await receiver?.close();
  });

  const post = async (query: string, variables: Record<string, unknown>, traceparent: string) => {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  };

  it('follows a query from the gateway through planning and each fetch into four subgraphs and their storage', async () => {
    onTestFailed(() => console.error(stack.logs.slice(-40).join('\n')));
    const parent = testParent();
    const { data, errors } = await post(CROSS_SUBGRAPH, {}, parent.traceparent);
    expect(errors).toBeUndefined();
    expect(data.topDeals).toHaveLength(2);

    const subgraphs = ['sophia-kpi', 'sophia-sales', 'sophia-project', 'sophia-memory'];
    const trace = await receiver.until((spans) => {
      const own = connectedTrace(spans, parent.traceId);
      return subgraphs.every((s) => servicesOf(own.spans).has(s)) &&
        named(own.spans, 'gateway.request').length &&
        hangsOffOnly(own, parent.spanId)
        ? own
        : undefined;
    });
    // One tree: the only span outside it is the test's own parent.
    expect(new Set(trace.roots.map((root) => root.parentSpanId))).toEqual(new Set([parent.spanId]));
    expect(named(trace.spans, 'gateway.plan')).toHaveLength(1);
    expect(named(trace.spans, 'gateway.fetch').length).toBeGreaterThanOrEqual(4);
    for (const service of subgraphs) {
      const own = trace.spans.filter((span) => span.service === service);
      expect(own.map((span) => span.name)).toContain('POST /graphql');
      // A statement span of the service's store: embedded DuckDB, or Snowflake (SOPHIA_TEST_STORE=snowflake).
      expect(own.some((span) => /^(duckdb|snowflake) /.test(span.name))).toBe(true);
    }
  });

  it('follows a chat reply from sendMessage through its tools, across services, to the last token', async () => {
    onTestFailed(() => console.error(stack.logs.slice(-40).join('\n')));
    const parent = testParent();
    const question = `What were our Q3 revenue numbers? (${parent.spanId})`;
    const sent = await post(SEND, { input: { text: question } }, parent.traceparent);
    expect(sent.errors).toBeUndefined();
    const messageId = sent.data.sendMessage.reply.id as string;

    const client = connect(stack.graphqlUrl, { authorization: `Bearer ${token}` });
    clients.push(client);
    const recording = record<{ replyStream: { seq: number; type: string; delta: string | null } }>(client, {
      query: STREAM,
      variables: { id: messageId },
    });
    expect(await recording.ended).toEqual({ kind: 'completed' });
    const events = recording.results.map((result) => result.data!.replyStream);
    expect(events.at(-1)?.type).toBe('DONE');
    const tokens = events.filter((event) => event.type === 'TOKEN');
    expect(tokens.length).toBeGreaterThan(0);
    const streamedText = tokens.map((event) => event.delta ?? '').join('');

    const trace = await receiver.until((spans) => {
      const own = connectedTrace(spans, parent.traceId);
      const reply = named(own.spans, 'chat.reply')[0];
      return reply && named(own.spans, 'chat.synthesize').length && hangsOffOnly(own, parent.spanId)
        ? own
        : undefined;
    });
    expect(new Set(trace.roots.map((root) => root.parentSpanId))).toEqual(new Set([parent.spanId]));

    const byId = new Map(trace.spans.map((span) => [span.spanId, span]));
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const parentSpan = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
      return parentSpan ? [parentSpan, ...ancestors(parentSpan)] : [];
    };
    const [reply] = named(trace.spans, 'chat.reply');
    const [synthesize] = named(trace.spans, 'chat.synthesize');
    // The reply runs in the background, yet is a child of the sendMessage request that started it.
    expect(ancestors(reply!).some((span) => span.service === 'sophia-gateway')).toBe(true);
    // Memory retrieval is its own step too, when the question needs memories (this one, of figures, does not).
    expect(named(trace.spans, 'chat.understand')).toHaveLength(1);
    // Each tool call goes back through the gateway (its /operations route) into the subgraph that answers it.
    const tools = trace.spans.filter((span) => span.name.startsWith('chat.tool '));
    expect(tools.length).toBeGreaterThan(0);
    const underTools = trace.spans.filter((span) => ancestors(span).some((a) => tools.includes(a)));
    expect(servicesOf(underTools)).toContain('sophia-gateway');
    expect(servicesOf(underTools)).toContain('sophia-kpi');
    // The reply's span ends after its last token was written: every character streamed is counted in it
    // (the stream may join several tokens into one event, never the other way round).
    expect(synthesize!.attributes['sophia.characters']).toBe(streamedText.length);
    expect(synthesize!.attributes['sophia.tokens']).toBeGreaterThanOrEqual(tokens.length);
    expect(reply!.endNs).toBeGreaterThanOrEqual(synthesize!.endNs);

    // The reply's stream: the gateway's upstream subscription carries its trace to chat over graphql-ws.
    const upstream = await receiver.until((spans) => {
      const gateway = spans.find((span) => span.name === 'gateway.subscription chat');
      const chat = gateway && spans.find((span) => span.parentSpanId === gateway.spanId);
      return chat ? { gateway, chat } : undefined;
    });
    expect(upstream.chat.service).toBe('sophia-chat');
    expect(upstream.chat.traceId).toBe(upstream.gateway.traceId);
    expect(upstream.chat.name).toMatch(/^graphql-ws /);

    // Memory's embedding batch is its own root, linked to the request it served.
    const batch = await receiver.until((spans) =>
      spans.find(
        (span) =>
          span.name === 'memory.embed_batch' && span.links.some((link) => link.traceId === parent.traceId),
      ),
    );
    expect(batch.parentSpanId).toBeUndefined();
  });
});
