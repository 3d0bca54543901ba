import { describe, expect, it } from 'vitest';
import { embedSplitting, type BatchAnswer } from './split.ts';

const vector = (text: string) => Float32Array.of(text.length);

describe('embedSplitting', () => {
  it('halves refused batches until they fit and keeps input order', async () => {
    const sizes: number[] = [];
    const send = async (chunk: readonly string[]): Promise<BatchAnswer> => {
      sizes.push(chunk.length);
      return chunk.length > 3 ? { rejected: 'batch too large' } : { vectors: chunk.map(vector) };
    };
    const texts = ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'ggggggg'];
    const results = await embedSplitting(texts, 10, send);
    expect(results.map((r) => (r instanceof Float32Array ? r[0] : r))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sizes).toEqual([7, 4, 2, 2, 3]);
  });

  it('fails only the input the server refuses on its own', async () => {
    const send = async (chunk: readonly string[]): Promise<BatchAnswer> =>
      chunk.includes('') ? { rejected: 'inputs cannot be empty' } : { vectors: chunk.map(vector) };
    const results = await embedSplitting(['a', '', 'ccc'], 32, send);
    expect(results[0]).toBeInstanceOf(Float32Array);
    expect(results[1]).toBeInstanceOf(Error);
    expect((results[1] as Error).message).toMatch(/inputs cannot be empty/);
    expect(results[2]).toBeInstanceOf(Float32Array);
  });

  it('never sends more than maxBatch inputs at once', async () => {
    const sizes: number[] = [];
    const send = async (chunk: readonly string[]): Promise<BatchAnswer> => {
      sizes.push(chunk.length);
      return { vectors: chunk.map(vector) };
    };
    await embedSplitting(
      Array.from({ length: 20 }, (_, i) => `t${i}`),
      8,
      send,
    );
    expect(sizes).toEqual([8, 8, 4]);
  });
});
