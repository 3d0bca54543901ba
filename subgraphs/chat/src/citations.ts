/** The entity types an answer may cite: the members of the `Citation` union, owned by other subgraphs. */
export const CITATION_TYPES = ['Memory', 'Deal', 'Account', 'Metric', 'Objective', 'Project'] as const;

export type CitationType = (typeof CITATION_TYPES)[number];

/** What a message stores per citation: enough for the gateway to fetch the entity from its owner. */
export interface CitationRef {
  readonly typename: CitationType;
  readonly id: string;
}

export function isCitationType(value: unknown): value is CitationType {
  return typeof value === 'string' && (CITATION_TYPES as readonly string[]).includes(value);
}

/** Reads the stored JSON list, keeping only well-formed entries (a damaged entry must not fail a whole reply). */
export function parseCitations(json: unknown): CitationRef[] {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const { typename, id } = (entry ?? {}) as Record<string, unknown>;
    return isCitationType(typename) && typeof id === 'string' && id !== '' ? [{ typename, id }] : [];
  });
}

/** A citation as a federation reference, resolved by the subgraph that owns the type. */
export function toEntityReference(citation: CitationRef): { __typename: CitationType; id: string } {
  return { __typename: citation.typename, id: citation.id };
}
