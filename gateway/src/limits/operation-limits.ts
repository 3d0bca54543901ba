import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { GatewayConfig } from '../env.ts';
import { createCheckedDocuments, type CheckedDocument } from './checked-documents.ts';
import { sophiaCostEstimator } from './cost-estimator.ts';
import { createRememberedCosts } from './remembered-costs.ts';

export type LimitsConfig = Pick<
  GatewayConfig,
  'MAX_TOKENS' | 'MAX_DEPTH' | 'MAX_ALIASES' | 'MAX_DIRECTIVES' | 'MAX_COST'
>;

/** An operation within every limit: its document, parsed once, and its estimated cost. */
export interface CheckedOperation {
  readonly document: DocumentNode;
  readonly cost: number;
}

export const OPERATION_TOO_COMPLEX = 'OPERATION_TOO_COMPLEX';

/** The refusal of an operation over a limit: HTTP 400 over HTTP, a GraphQL error on a socket or MCP. */
export const tooComplex = (message: string, limit: string): GraphQLError =>
  new GraphQLError(message, {
    extensions: { code: OPERATION_TOO_COMPLEX, limit, http: { status: 400 } },
  });

export interface OperationLimiter {
  /**
   * Checks one operation before Apollo Server parses, validates or plans it, so a hostile document costs a
   * linear pass and never reaches the quadratic validation rules. Returns the refusal, or the checked
   * operation; a document that does not parse is left for Apollo Server to report (undefined).
   */
  check(
    schema: GraphQLSchema,
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
  ): CheckedOperation | GraphQLError | undefined;
}

/**
 * Depth, aliases and directives through graphql-armor's rules (memoized over fragments); tokens through
 * graphql-js's own parser limit (graphql-armor's max-tokens plugin answers HTTP 500, see OPS-TOOLING §7); cost
 * through graphql-query-complexity with Sophia's estimator, its node budget stopping fragment bombs.
 */
export function createOperationLimiter(config: LimitsConfig): OperationLimiter {
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH, ignoreIntrospection: true },
    maxAliases: { n: config.MAX_ALIASES },
    maxDirectives: { n: config.MAX_DIRECTIVES },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const rules = armor.validationRules as ValidationRule[];
  // Parsing and the depth, alias and directive rules depend on the text and the schema alone: done once per
  // text. The cost depends on the sizing variables too (`first: $n`): remembered per document and their values.
  const documents = createCheckedDocuments();
  const costs = createRememberedCosts();
  const checkDocument = (schema: GraphQLSchema, query: string): CheckedDocument => {
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: config.MAX_TOKENS });
    } catch (error) {
      if (error instanceof GraphQLError && /contains more th\w+ \d+ tokens/.test(error.message)) {
        return tooComplex(`The document has more than ${config.MAX_TOKENS} tokens.`, 'tokens');
      }
      return undefined;
    }
    const [refused] = validate(schema, document, rules, { maxErrors: 1 });
    if (refused) {
      const limit = /depth/i.test(refused.message)
        ? 'depth'
        : /alias/i.test(refused.message)
          ? 'aliases'
          : 'directives';
      return tooComplex(refused.message.replace(/^Syntax Error: /, ''), limit);
    }
    return document;
  };
  return {
    check(schema, query, variables = {}, operationName) {
      const checked = documents.get(schema, query, () => checkDocument(schema, query));
      if (checked === undefined || checked instanceof GraphQLError) return checked;
      const document = checked;
      let cost: number;
      try {
        cost = costs.cost(document, variables, operationName, () =>
          getComplexity({
            schema,
            query: document,
            variables,
            ...(operationName ? { operationName } : {}),
            estimators: [sophiaCostEstimator],
            maxQueryNodes: config.MAX_COST,
          }),
        );
      } catch (error) {
        if (error instanceof GraphQLError && /node/i.test(error.message)) {
          return tooComplex(`The operation selects more than ${config.MAX_COST} fields.`, 'cost');
        }
        return undefined; // invalid variables or operation name: Apollo Server reports it with its code
      }
      if (cost > config.MAX_COST) {
        return tooComplex(`The operation's estimated cost ${cost} exceeds ${config.MAX_COST}.`, 'cost');
      }
      return { document, cost };
    },
  };
}

/** graphql-armor's plugin that masks "Did you mean …?" in validation errors (no introspection, no hints). */
export function hideFieldSuggestions(): ApolloServerPlugin[] {
  const { plugins } = new ApolloArmor({
    blockFieldSuggestion: { enabled: true },
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
  }).protect();
  // graphql-armor is typed against @apollo/server's CommonJS declarations, Sophia imports the ESM ones.
  return plugins as unknown as ApolloServerPlugin[];
}
