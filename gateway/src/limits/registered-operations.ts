import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type DocumentNode } from 'graphql';

/**
 * The operations Sophia itself sends: the named operations in schema/operations (MCP tools, the assistant)
 * and the dashboard's documents, as graphql-codegen's client preset writes them. Their names are the only
 * client-sent names /metrics uses as label values.
 */
export function loadRegisteredOperationNames(paths: {
  readonly operationsDir: string;
  readonly dashboardDocuments: string;
}): ReadonlySet<string> {
  const names = new Set<string>();
  const add = (document: DocumentNode) => {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  };
  if (existsSync(paths.operationsDir)) {
    for (const file of readdirSync(paths.operationsDir).filter((name) => name.endsWith('.graphql'))) {
      try {
        add(parse(readFileSync(join(paths.operationsDir, file), 'utf8')));
      } catch {
        // A broken file is reported by the MCP catalog, which reads the same folder.
      }
    }
  }
  if (existsSync(paths.dashboardDocuments)) {
    // The client preset writes each document as a JSON literal of its DocumentNode.
    const source = readFileSync(paths.dashboardDocuments, 'utf8');
    for (const match of source.matchAll(/= (\{"kind":"Document".*?\}) as unknown as/g)) {
      add(JSON.parse(match[1]!) as DocumentNode);
    }
  }
  return names;
}
