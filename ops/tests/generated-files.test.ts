import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import { composeFromRoverConfig } from '../src/compose/compose.ts';
import { repoPath } from '../src/repo-path.ts';
import codegenConfig from '../../codegen.ts';

/** Generated files are committed; these fail when a schema changed and the generator was not rerun. */
describe('generated files are fresh', () => {
  it('schema/supergraph.graphql and schema/api.graphql match rover.yaml (run `npm run compose`)', () => {
    const composed = composeFromRoverConfig(repoPath('rover.yaml'));
    expect(readFileSync(repoPath('schema/supergraph.graphql'), 'utf8')).toBe(composed.supergraphSdl);
    expect(readFileSync(repoPath('schema/api.graphql'), 'utf8')).toBe(composed.apiSdl);
  });

  it('typed resolvers match the subgraph schemas (run `npm run codegen`)', async () => {
    const outputs = await generate({ ...codegenConfig, cwd: repoPath(''), silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(readFileSync(repoPath(output.filename), 'utf8'), output.filename).toBe(output.content);
    }
  });
});
