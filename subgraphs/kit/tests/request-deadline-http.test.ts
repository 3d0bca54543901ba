import { afterEach, describe, expect, it } from 'vitest';
import { createSubgraph } from '../src/create-subgraph.ts';
import { DuckDb } from '../src/duckdb.ts';
import { gql, signViewerToken, VIEWER_HEADER, type SubgraphContext } from '../src/index.ts';
import { createLogger } from '../src/logger.ts';
import { DEADLINE_HEADER } from '../src/request-deadline.ts';
import { CEO, TEST_SECRET } from '../src/testing/index.ts';
import type { RequestDeadlineLimits } from '../src/http-deadline.ts';

/**
 * A subgraph's request deadline over real HTTP: the budget header, bounded by the subgraph's maximum, and the
 * caller's connection, both decide whether a mutation's transaction may still commit.
 */
const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    written: [ID!]!
  }
  type Mutation {
    write(id: ID!): Boolean!
  }
`;

interface Ledger {
  readonly url: string;
  /** Resolves when the mutation's resolver has started writing. */
  readonly started: Promise<void>;
  /** Resolves with how the write ended: `committed`, or the error code it failed with. */
  readonly settled: Promise<string>;
  written(): Promise<string[]>;
  close(): Promise<void>;
}

const running: Ledger[] = [];
afterEach(async () => {
  for (const ledger of running.splice(0)) await ledger.close();
});

async function startLedger(limits: RequestDeadlineLimits): Promise<Ledger> {
  const db = await DuckDb.open('', ':memory:');
  await db.run('CREATE TABLE ledger (id VARCHAR PRIMARY KEY)');
  let markStarted = () => {};
  let settle = (_outcome: string) => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const settled = new Promise<string>((resolve) => (settle = resolve));
  const subgraph = await createSubgraph({
    name: 'ledger',
    typeDefs,
    internalTokenSecret: TEST_SECRET,
    requestDeadline: limits,
    logger: createLogger('ledger', 'silent'),
    createContext: (base) => base,
    onClose: () => db.close(),
    resolvers: {
      Query: {
        written: async () => (await db.query<{ id: string }>('SELECT id FROM ledger')).map((r) => r.id),
      },
      Mutation: {
        write: async (_: unknown, { id }: { id: string }, { deadline }: SubgraphContext) => {
          markStarted();
          try {
            await db.transaction((tx) => tx.run('INSERT INTO ledger VALUES (?)', [id]), { deadline });
            settle('committed');
            return true;
          } catch (error) {
            settle(String((error as { extensions?: { code?: string } }).extensions?.code));
            throw error;
          }
        },
      },
    },
  });
  const { url } = await subgraph.listen(0, '127.0.0.1');
  const ledger: Ledger = {
    url,
    started,
    settled,
    written: async () => {
      const response = await post(url, '{ written }', {});
      return (response.data as { written: string[] }).written;
    },
    close: () => subgraph.close(),
  };
  running.push(ledger);
  return ledger;
}

async function post(
  url: string,
  query: string,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [VIEWER_HEADER]: await signViewerToken(CEO, TEST_SECRET),
      ...headers,
    },
    body: JSON.stringify({ query }),
    ...(signal ? { signal } : {}),
  });
  return (await response.json()) as never;
}

describe('a subgraph request deadline', () => {
  it('commits a mutation that finishes within the budget its header grants', async () => {
    const ledger = await startLedger({ maxMs: 60_000 });
    const response = await post(ledger.url, 'mutation { write(id: "in-time") }', {
      [DEADLINE_HEADER]: '5000',
    });
    expect(response.errors).toBeUndefined();
    expect(await ledger.settled).toBe('committed');
    expect(await ledger.written()).toEqual(['in-time']);
  });

  it('bounds a hostile, huge budget by the subgraph maximum: the slow write is rolled back', async () => {
    // Writes stall 400 ms before COMMIT; the subgraph grants at most 200 ms whatever the header asks.
    for (const hostile of ['999999999', '1e99', '-1', '']) {
      const ledger = await startLedger({ maxMs: 200, commitDelayMs: 400 });
      const response = await post(ledger.url, 'mutation { write(id: "greedy") }', {
        [DEADLINE_HEADER]: hostile,
      });
      expect(response.errors?.[0]?.extensions?.code, hostile).toBe('DEADLINE_EXCEEDED');
      expect(await ledger.settled).toBe('DEADLINE_EXCEEDED');
      expect(await ledger.written()).toEqual([]);
    }
  });

  it('rolls back a write whose caller hung up before it could commit', async () => {
    const ledger = await startLedger({ maxMs: 60_000, commitDelayMs: 1_000 });
    const caller = new AbortController();
    const sent = post(
      ledger.url,
      'mutation { write(id: "abandoned") }',
      { [DEADLINE_HEADER]: '50000' },
      caller.signal,
    );
    await ledger.started;
    caller.abort(); // as the gateway does when it gives up on a subgraph
    await expect(sent).rejects.toThrow();
    expect(await ledger.settled).toBe('DEADLINE_EXCEEDED');
    expect(await ledger.written()).toEqual([]);
  });
});
