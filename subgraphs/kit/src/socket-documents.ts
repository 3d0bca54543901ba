import {
  parse,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type Source,
} from 'graphql';
import { LRUCache } from 'lru-cache';

/** Query texts remembered: the gateway sends a subgraph a handful; anything else churns the oldest. */
export const SOCKET_DOCUMENTS_LIMIT = 500;

/**
 * graphql-ws's `parse` and `validate` for a subgraph's socket, remembering what they made of each query text:
 * the gateway opens one subscription per reply stream with the same text, which graphql-ws would otherwise
 * parse and validate every time. A text maps to one document, so the validation is remembered per document
 * (and per schema); the least recently used texts leave once SOCKET_DOCUMENTS_LIMIT are held.
 */
export function rememberedDocuments(limit = SOCKET_DOCUMENTS_LIMIT) {
  const parsed = new LRUCache<string, DocumentNode>({ max: limit });
  const validated = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();
  return {
    parse: ((source: string | Source) => {
      // graphql-ws passes the message's query text; anything else is parsed as graphql-js would.
      if (typeof source !== 'string') return parse(source);
      let document = parsed.get(source);
      if (!document) parsed.set(source, (document = parse(source)));
      return document;
    }) as typeof parse,
    validate: ((schema: GraphQLSchema, document: DocumentNode) => {
      let bySchema = validated.get(schema);
      if (!bySchema) validated.set(schema, (bySchema = new WeakMap()));
      let errors = bySchema.get(document);
      if (!errors) bySchema.set(document, (errors = validate(schema, document)));
      return errors;
    }) as typeof validate,
  };
}
