import { describe, expect, it } from 'vitest';
import { EmbeddingModelMismatchError } from './provider.ts';
import { assertStoredModel } from './stored-model.ts';

const configured = { name: 'tei', model: 'bge-base-en-v1.5', dimension: 768 } as const;

describe('assertStoredModel', () => {
  it('accepts vectors made by the configured model', () => {
    expect(() => assertStoredModel({ model: 'bge-base-en-v1.5', dimension: 768 }, configured)).not.toThrow();
  });

  it('refuses another model of the same dimension, naming both and the re-embed command', () => {
    const check = () => assertStoredModel({ model: 'nomic-embed-text-v1.5', dimension: 768 }, configured);
    expect(check).toThrow(EmbeddingModelMismatchError);
    expect(check).toThrow(
      /embedded with model "nomic-embed-text-v1\.5" \(dimension 768\).*tei model "bge-base-en-v1\.5" \(dimension 768\).*EMBEDDINGS_MODEL=nomic-embed-text-v1\.5.*`npm run reembed`/,
    );
  });

  it('refuses another dimension, naming both', () => {
    expect(() => assertStoredModel({ model: 'bge-base-en-v1.5', dimension: 384 }, configured)).toThrow(
      /\(dimension 384\).*\(dimension 768\)/,
    );
  });

  it('refuses a store an interrupted re-embed left half done, even for the target model', () => {
    expect(() =>
      assertStoredModel({ model: 'old', dimension: 768, reembedPendingTo: 'bge-base-en-v1.5' }, configured),
    ).toThrow(/re-embed .* "bge-base-en-v1\.5" was interrupted.*`npm run reembed` again/);
  });
});
