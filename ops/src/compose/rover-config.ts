import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface RoverSubgraph {
  readonly name: string;
  readonly routingUrl: string;
  readonly schemaPath: string;
}

export class RoverConfigError extends Error {
  override name = 'RoverConfigError';
}

/** Reads rover's supergraph config (`federation_version`, then per subgraph `routing_url` and `schema.file`). */
export function readRoverConfig(path: string): { federationVersion: string; subgraphs: RoverSubgraph[] } {
  const raw = parseYaml(readFileSync(path, 'utf8')) as {
    federation_version?: unknown;
    subgraphs?: Record<string, { routing_url?: unknown; schema?: { file?: unknown } }>;
  };
  if (typeof raw?.federation_version !== 'string') {
    throw new RoverConfigError(`${path}: federation_version is required`);
  }
  const subgraphs = Object.entries(raw.subgraphs ?? {}).map(([name, entry]) => {
    const routingUrl = entry.routing_url;
    const file = entry.schema?.file;
    if (typeof routingUrl !== 'string' || typeof file !== 'string') {
      throw new RoverConfigError(`${path}: subgraph ${name} needs routing_url and schema.file`);
    }
    return { name, routingUrl, schemaPath: resolve(dirname(path), file) };
  });
  if (subgraphs.length === 0) throw new RoverConfigError(`${path}: no subgraphs`);
  return { federationVersion: raw.federation_version, subgraphs };
}
