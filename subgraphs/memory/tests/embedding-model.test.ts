import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDb } from '@sophia/kit';
import { tempDataDir, TEST_ANCHOR } from '@sophia/kit/testing';
import { createConfiguredEmbedder } from '../src/embeddings/create-provider.ts';
import type { Embedder } from '../src/embeddings/embedder.ts';
import { loadMemoryConfig } from '../src/env.ts';
import { reembedStore } from '../src/stored-embeddings.ts';
import { MemoryStore } from '../src/store.ts';
import { seedDemo } from '@sophia/ops/seed';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

describe('the embedding model is checked at start, and `npm run reembed` moves the store to another', () => {
  const dir = tempDataDir('memory-model');
  const settings = (model: string, dimension: number) => ({
    SOPHIA_DATA_DIR: dir,
    SOPHIA_DEMO_ANCHOR: TEST_ANCHOR,
    LOG_LEVEL: 'silent',
    EMBEDDINGS_MODEL: model,
    EMBEDDINGS_DIMENSION: String(dimension),
  });
  const embedderFor = (model: string, dimension: number) =>
    createConfiguredEmbedder(loadMemoryConfig(settings(model, dimension)), new Registry());
  const open = async (model: string, dimension: number) => {
    await seedDemo({ dataDir: dir, anchor: TEST_ANCHOR, only: ['memory'] });
    return MemoryStore.open(loadMemoryConfig(settings(model, dimension)), embedderFor(model, dimension));
  };
  /** The real command, as an operator runs it: a process of its own over the same data directory. */
  const reembed = (model: string, dimension: number) =>
    run(process.execPath, ['--import', 'tsx', 'subgraphs/memory/src/reembed-cli.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...settings(model, dimension) },
    });
  const storedVectorLengths = async (store: MemoryStore) =>
    new Set((await store.warmRows()).map((row) => row.embedding.length));

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records the model on first start and opens again with it', async () => {
    await (await open('model-a', 768)).close();
    const again = await open('model-a', 768);
    expect(await storedVectorLengths(again)).toEqual(new Set([768]));
    await again.close();
  });

  it('refuses another model of the same dimension, naming both and the re-embed command', async () => {
    await expect(open('model-b', 768)).rejects.toThrow(
      /embedded with model "model-a" \(dimension 768\).*model "model-b" \(dimension 768\).*`npm run reembed`/,
    );
  });

  it('refuses another dimension of the same model', async () => {
    await expect(open('model-a', 384)).rejects.toThrow(/\(dimension 768\).*\(dimension 384\)/);
  });

  it('re-embeds every memory with the configured model; afterwards only that model starts', async () => {
    const { stdout } = await reembed('model-b', 384);
    expect(stdout).toMatch(/Re-embedded \d+ memories with "model-b" \(dimension 384\)/);
    const store = await open('model-b', 384);
    expect(await storedVectorLengths(store)).toEqual(new Set([384]));
    await store.close();
    await expect(open('model-a', 768)).rejects.toThrow(/embedded with model "model-b"/);
  });

  it('refuses a store that an interrupted re-embed left with two models, until it is run again', async () => {
    const real = embedderFor('model-c', 768);
    let batches = 0;
    const failsOnSecondBatch: Embedder = {
      ...real,
      embedMany: (texts) => {
        batches += 1;
        return batches > 1 ? Promise.reject(new Error('embedding server went away')) : real.embedMany(texts);
      },
    };
    const db = await DuckDb.open(dir, 'memory.duckdb');
    await expect(reembedStore(db, failsOnSecondBatch)).rejects.toThrow('embedding server went away');
    await db.close();
    await expect(open('model-b', 384)).rejects.toThrow(/"model-c" was interrupted/);
    await expect(open('model-c', 768)).rejects.toThrow(/"model-c" was interrupted/);
    await reembed('model-c', 768);
    const store = await open('model-c', 768);
    expect(await storedVectorLengths(store)).toEqual(new Set([768]));
    await store.close();
  });
});
