import { describe, expect, it } from 'vitest';
import { chunkText } from './chunk.ts';

const words = (count: number, from = 1) => Array.from({ length: count }, (_, i) => `w${from + i}`).join(' ');

describe('chunkText', () => {
  it('keeps a short text whole', () => {
    expect(chunkText('Renewal call with **Kestrel**.\n\nThey want SSO.')).toEqual([
      'Renewal call with **Kestrel**.\n\nThey want SSO.',
    ]);
  });

  it('cuts 120-word windows that overlap by 20 words', () => {
    const chunks = chunkText(words(300));
    expect(chunks).toHaveLength(3);
    expect(chunks[0]).toBe(words(120, 1));
    expect(chunks[1]).toBe(words(120, 101));
    expect(chunks[2]).toBe(words(100, 201));
  });

  it('does not emit a chunk that only repeats the overlap', () => {
    expect(chunkText(words(220))).toEqual([words(120, 1), words(120, 101)]);
  });

  it('keeps the original spacing inside a chunk', () => {
    expect(chunkText('a  b\nc', { size: 2, overlap: 1 })).toEqual(['a  b', 'b\nc']);
  });

  it('yields nothing for blank text and refuses an overlap as large as the chunk', () => {
    expect(chunkText('  \n ')).toEqual([]);
    expect(() => chunkText('a b', { size: 5, overlap: 5 })).toThrow(RangeError);
  });
});
