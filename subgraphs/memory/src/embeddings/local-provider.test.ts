import { describe, expect, it } from 'vitest';
import { cosine, createLocalProvider, embedLocally } from './local-provider.ts';

const vectorOf = (text: string, dimension = 768) => {
  const result = embedLocally(text, dimension);
  if (!(result instanceof Float32Array)) throw result;
  return result;
};

describe('local embedder', () => {
  it('is deterministic and L2-normalized', () => {
    const a = vectorOf('Acme renewal is at risk because of pricing');
    const b = vectorOf('Acme renewal is at risk because of pricing');
    expect([...a]).toEqual([...b]);
    expect(a).toHaveLength(768);
    expect(Math.sqrt(a.reduce((sum, x) => sum + x * x, 0))).toBeCloseTo(1, 5);
  });

  it('scores a paraphrase sharing key terms above an unrelated text', () => {
    const memory = vectorOf('The Acme Corp renewal is at risk: their CFO objects to the new pricing.');
    const paraphrase = vectorOf('Is the Acme renewal at risk over pricing?');
    const unrelated = vectorOf('Quarterly offsite agenda: hiking, dinner and the engineering roadmap.');
    expect(cosine(memory, paraphrase)).toBeGreaterThan(cosine(memory, unrelated) + 0.2);
  });

  it('embeds a text of stop words only and refuses one without words', () => {
    expect(vectorOf('what is it?')).toBeInstanceOf(Float32Array);
    expect(embedLocally(' ?! ', 768)).toBeInstanceOf(Error);
  });

  it('answers every input of a batch in order, with the configured dimension', async () => {
    const provider = createLocalProvider({ dimension: 64 });
    const results = await provider.embed(['alpha beta', '...', 'gamma']);
    expect(results[0]).toBeInstanceOf(Float32Array);
    expect(results[1]).toBeInstanceOf(Error);
    expect((results[2] as Float32Array).length).toBe(64);
    expect(provider.dimension).toBe(64);
  });
});
