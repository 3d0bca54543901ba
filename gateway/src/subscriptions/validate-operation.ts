import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { rememberedDocuments } from '@sophia/kit';

/** An operation from a `subscribe` message, parsed and valid against the API schema. */
export interface ValidOperation {
  readonly source: string;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly operationName?: string;
  readonly variables: Record<string, unknown>;
}

/**
 * Every client asks for its reply streams and feeds with the same few texts: each is parsed and validated once
 * per supergraph, not once per subscription.
 */
const documents = rememberedDocuments();

/**
 * Parses and validates one operation, with the codes Apollo Server gives the same mistakes over HTTP (the error
 * formatter turns them into BAD_USER_INPUT), so a client sees one behaviour on both transports.
 */
export function validateOperation(
  schema: GraphQLSchema,
  payload: SubscribePayload,
): ValidOperation | readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = documents.parse(payload.query);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : String(error);
    return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const invalid = documents.validate(schema, document);
  if (invalid.length > 0) return invalid.map((error) => stamp(error, 'GRAPHQL_VALIDATION_FAILED'));
  const operationName = payload.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    const message = operationName ? `Unknown operation "${operationName}".` : 'Name the operation to run.';
    return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })];
  }
  const variables = payload.variables ?? {};
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return coerced.errors.map((error) => stamp(error, 'BAD_USER_INPUT'));
  return {
    source: payload.query,
    document,
    operation,
    variables,
    ...(operationName ? { operationName } : {}),
  };
}

const stamp = (error: GraphQLError, code: string): GraphQLError =>
  new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    extensions: { ...error.extensions, code },
  });
