import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Reads a subgraph's `schema.graphql` (the SDL is a file so rover, codegen and the server share it). */
export function loadSchemaFile(url: URL): DocumentNode {
  return parse(readFileSync(url, 'utf8'));
}
