import { writeFileSync } from 'node:fs';
import { composeFromRoverConfig, CompositionError } from './compose.ts';
import { repoPath } from '../repo-path.ts';

/** `npm run compose`: rover.yaml → schema/supergraph.graphql and schema/api.graphql. */
try {
  const composed = composeFromRoverConfig(repoPath('rover.yaml'));
  writeFileSync(repoPath('schema/supergraph.graphql'), composed.supergraphSdl);
  writeFileSync(repoPath('schema/api.graphql'), composed.apiSdl);
  console.log('composed schema/supergraph.graphql and schema/api.graphql from rover.yaml');
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
