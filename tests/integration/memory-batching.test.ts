import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { sampleSum } from '../../gateway/tests/prometheus.ts';
import { startFakeTeiServer } from '../../subgraphs/memory/tests/fakes/fake-tei-server.ts';
import type { FakeEmbeddingServer } from '../../subgraphs/memory/tests/fakes/fake-embedding-server.ts';
import { startTestStack, type RunningStack } from './stack-fixture.ts';

const REMEMBER = /* GraphQL */ `
  mutation Remember($input: RememberInput!) {
    remember(input: $input) {
      memory {
        id
      }
      errors {
        field
        code
        message
      }
    }
  }
`;

interface RememberResult {
  remember: { memory: { id: string } | null; errors: { field: string[]; code: string; message: string }[] };
}

const CONCURRENT = 500;
/** Distinct words per note, so no two notes are near-duplicates that would merge. */
const note = (i: number) =>
  `Call note ${i.toString(36)}: ${['renewal', 'pricing', 'expansion', 'security review', 'pilot'][i % 5]} ` +
  `with ${['Aldgate', 'Borough', 'Camden', 'Dalston', 'Euston', 'Fulham', 'Greenwich'][i % 7]} ` +
  `team, next step ${['quote', 'demo', 'contract', 'workshop', 'call', 'visit', 'proposal', 'trial', 'sync', 'audit', 'memo'][i % 11]}.`;

describe('memory through the gateway: 500 concurrent remembers share embedding calls', () => {
  let embeddings: FakeEmbeddingServer;
  let stack: RunningStack;

  beforeAll(async () => {
    // A GPU-like embedding server (fixed cost per call plus a little per text), served one call at a time.
    embeddings = await startFakeTeiServer({ cost: { overheadMs: 15, perItemMs: 0.2 } });
    stack = await startTestStack({ env: { EMBEDDINGS_PROVIDER: 'tei', EMBEDDINGS_URL: embeddings.url } });
  });

  afterAll(async () => {
    await stack?.stop();
    await embeddings?.close();
  });

  it('makes at most 500/16 embedding calls, and a malformed input fails only its own request', async () => {
    onTestFailed(() => console.log(stack.logs.join('\n')));
    const token = await stack.login();
    const embeddingCalls = async () =>
      sampleSum(
        await (await fetch(`${stack.subgraphs.memory.url}/metrics`)).text(),
        'sophia_embedding_calls_total',
      );
    const before = await embeddingCalls();
    // One note carries a lone surrogate: not Unicode text, so it cannot be embedded; it shares a batch.
    const malformed = 137;
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        stack.query<RememberResult>(REMEMBER, {
          token,
          variables: { input: { content: i === malformed ? `${note(i)} \uD800` : note(i) } },
        }),
      ),
    );
    const calls = (await embeddingCalls()) - before;

    for (const [i, result] of results.entries()) {
      expect(result.errors, `request ${i}`).toBeUndefined();
      if (i === malformed) {
        expect(result.data?.remember.memory).toBeNull();
        expect(result.data?.remember.errors).toEqual([
          expect.objectContaining({ field: ['input', 'content'], code: 'BAD_USER_INPUT' }),
        ]);
      } else {
        expect(result.data?.remember.errors, `request ${i}`).toEqual([]);
        expect(result.data?.remember.memory?.id, `request ${i}`).toMatch(/^mem_/);
      }
    }
    const ids = new Set(results.map((result) => result.data?.remember.memory?.id).filter(Boolean));
    expect(ids.size).toBe(CONCURRENT - 1);
    console.log(`${CONCURRENT} remembers → ${calls} embedding calls`);
    expect(calls).toBeLessThanOrEqual(CONCURRENT / 16);
  });
});
