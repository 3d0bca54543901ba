import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, separateOperations, visit, type DocumentNode } from 'graphql';

/**
 * The operations Sophia itself sends: the named operations in schema/operations (MCP tools, the assistant)
 * and the dashboard's documents, as graphql-codegen's client preset writes them. Their names are the only
 * client-sent names /metrics uses as label values; their documents are the safelist.
 */
export interface RegisteredOperations {
  readonly names: ReadonlySet<string>;
  /** `documentHash` of every registered document, and of each operation of it on its own. */
  readonly hashes: ReadonlySet<string>;
}

/**
 * A document's identity whatever its formatting: sha256 of graphql-js's printed form, without the unaliased
 * `__typename` selections urql's cache adds to every selection set before it sends a document.
 */
export function documentHash(document: DocumentNode): string {
  let hash = hashes.get(document);
  if (hash === undefined) {
    hash = createHash('sha256')
      .update(print(withoutTypename(document)))
      .digest('hex');
    hashes.set(document, hash);
  }
  return hash;
}

/** Hashes of the documents seen: the limits check hands the safelist the same document for the same text. */
const hashes = new WeakMap<DocumentNode, string>();

const withoutTypename = (document: DocumentNode): DocumentNode =>
  visit(document, {
    Field: (field) => (field.name.value === '__typename' && !field.alias ? null : undefined),
  });

/** The subfolder of MCP_OPERATIONS_DIR whose operations are registered but are not MCP tools. */
export const ADMIN_OPERATIONS_SUBDIR = 'admin';

export function loadRegisteredOperations(paths: {
  readonly operationsDir: string;
  readonly dashboardDocuments: string;
}): RegisteredOperations {
  const names = new Set<string>();
  const hashes = new Set<string>();
  const add = (document: DocumentNode) => {
    hashes.add(documentHash(document));
    for (const [name, single] of Object.entries(separateOperations(document))) {
      names.add(name);
      hashes.add(documentHash(single));
    }
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  };
  // `admin/` holds the administrators' operations (API keys): registered, so production's safelist runs them,
  // but not served as MCP tools (the catalog reads the top folder only): administration is not for agents.
  for (const dir of [paths.operationsDir, join(paths.operationsDir, ADMIN_OPERATIONS_SUBDIR)]) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.graphql'))) {
      try {
        add(parse(readFileSync(join(dir, file), 'utf8')));
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
  return { names, hashes };
}
