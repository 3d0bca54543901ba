import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';
import { readRoverConfig } from './rover-config.ts';

export interface Composed {
  readonly supergraphSdl: string;
  readonly apiSdl: string;
}

export class CompositionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Composition failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Composes the subgraphs a rover config names — the same composition `rover supergraph compose` runs. */
export function composeFromRoverConfig(configPath: string): Composed {
  const { subgraphs } = readRoverConfig(configPath);
  const result = composeServices(
    subgraphs.map(({ name, routingUrl, schemaPath }) => ({
      name,
      url: routingUrl,
      typeDefs: parse(readFileSync(schemaPath, 'utf8')),
    })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  // The API schema is what clients see: the supergraph without federation's join/link machinery.
  const apiSchema = Supergraph.build(result.supergraphSdl).apiSchema().toGraphQLJSSchema();
  return { supergraphSdl: result.supergraphSdl, apiSdl: `${printSchema(apiSchema)}\n` };
}
