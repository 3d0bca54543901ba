import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { SophiaError } from './errors.ts';
import { INPUT_LIMITS, longestList } from './input-limits.ts';

/**
 * Per parsed document: the server keeps a document per operation text in its cache, so each text is walked
 * once, not on every request (the gateway sends the same few plans' operations over and over).
 */
const literalLengths = new WeakMap<DocumentNode, number>();

/** The longest list literal written in the operation itself. */
function longestListLiteral(document: DocumentNode): number {
  const known = literalLengths.get(document);
  if (known !== undefined) return known;
  let longest = 0;
  visit(document, {
    [Kind.LIST]: (node) => {
      longest = Math.max(longest, node.values.length);
    },
  });
  literalLengths.set(document, longest);
  return longest;
}

/**
 * Refuses, before execution, a request carrying any list longer than `maxEntries` in its variables or
 * literals: BAD_USER_INPUT (HTTP 400). The safety net under each argument's own cap, so that no resolver ever
 * receives a list it has to spread or send to a store to find out it is too long.
 */
export function useListLimit<TContext extends BaseContext>(
  maxEntries: number = INPUT_LIMITS.listEntries,
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document }) => {
        const longest = Math.max(longestList(request.variables, maxEntries), longestListLiteral(document));
        if (longest > maxEntries) {
          throw new SophiaError(
            'BAD_USER_INPUT',
            `A list in this request has ${longest.toLocaleString('en-US')} entries; at most ` +
              `${maxEntries.toLocaleString('en-US')} are accepted.`,
            { http: { status: 400 } },
          );
        }
      },
    }),
  };
}
