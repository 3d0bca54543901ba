import { Kind, visit, type DocumentNode } from 'graphql';
import { SIZE_ARGUMENTS } from './cost-estimator.ts';

/** Costs remembered per document: one per operation name and sizing variables' values. */
export const COSTS_PER_DOCUMENT = 64;

/**
 * An operation's estimated cost depends on its document, its name and only those variables that size a list
 * (`first: $n`) or include a selection (`@include(if: $x)`): every other variable (a search text, an id) leaves
 * it as it was. So the cost is estimated once per document, name and sizing values; the few sets of values a
 * document meets (COSTS_PER_DOCUMENT) are kept, and forgotten all at once past that.
 */
export function createRememberedCosts() {
  const byDocument = new WeakMap<DocumentNode, { sizing: string[]; costs: Map<string, number> }>();
  return {
    cost(
      document: DocumentNode,
      variables: Record<string, unknown>,
      operationName: string | undefined,
      estimate: () => number,
    ): number {
      let known = byDocument.get(document);
      if (!known) byDocument.set(document, (known = { sizing: sizingVariables(document), costs: new Map() }));
      // A variable left out (its default applies) and one sent as null size a list differently.
      const values = known.sizing.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : []));
      const key = JSON.stringify([operationName ?? null, values]);
      let cost = known.costs.get(key);
      if (cost === undefined) {
        cost = estimate();
        if (known.costs.size >= COSTS_PER_DOCUMENT) known.costs.clear();
        known.costs.set(key, cost);
      }
      return cost;
    },
  };
}

const SIZING = new Set<string>([...SIZE_ARGUMENTS, 'if']);

/** The variables a document passes to a sizing argument (`first`, `last`, `limit`) or a directive's `if`. */
function sizingVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument: (argument) => {
      if (SIZING.has(argument.name.value) && argument.value.kind === Kind.VARIABLE) {
        names.add(argument.value.name.value);
      }
    },
  });
  return [...names].sort();
}
