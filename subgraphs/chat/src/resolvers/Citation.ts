import type { CitationResolvers } from '../__generated__/resolvers-types.ts';

export const Citation: CitationResolvers = {
  // Citations are federation references built by Message.citations, so they always carry their type.
  __resolveType: (citation) => citation.__typename ?? null,
};
