import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';

/**
 * What parsing and the validation rules made of one query text against one schema: its document, the
 * refusal, or undefined where it does not parse (left for Apollo Server to report).
 */
export type CheckedDocument = DocumentNode | GraphQLError | undefined;

/** Query texts remembered per schema: Sophia's own services send a few dozen; hostile ones churn the oldest. */
export const CHECKED_DOCUMENTS_LIMIT = 500;

/**
 * The parsed and validated form of the query texts a gateway keeps seeing (the assistant's tools, the
 * dashboard's documents), so each is parsed and walked by the limit rules once instead of on every call.
 * Keyed by the schema object too: a new supergraph starts afresh, and the old one's entries go with it.
 * The oldest-used text leaves first once CHECKED_DOCUMENTS_LIMIT are held, so unique documents cannot grow it;
 * each entry is bounded by the parser's token limit.
 */
export function createCheckedDocuments(limit = CHECKED_DOCUMENTS_LIMIT) {
  const bySchema = new WeakMap<GraphQLSchema, Map<string, CheckedDocument>>();
  return {
    get(schema: GraphQLSchema, query: string, check: () => CheckedDocument): CheckedDocument {
      let texts = bySchema.get(schema);
      if (!texts) bySchema.set(schema, (texts = new Map()));
      if (texts.has(query)) {
        const known = texts.get(query);
        // Re-inserted, so a Map's insertion order is its use order.
        texts.delete(query);
        texts.set(query, known);
        return known;
      }
      const checked = check();
      texts.set(query, checked);
      if (texts.size > limit) texts.delete(texts.keys().next().value!);
      return checked;
    },
  };
}
