import { getOperationAST, GraphQLError, parse, type DocumentNode } from 'graphql';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { McpTool } from './tool.ts';
import { toolError, toolResult } from './tool-result.ts';

export const GRAPHQL_TOOL_NAME = 'graphql';

const inputSchema = {
  type: 'object' as const,
  properties: {
    query: { type: 'string', minLength: 1, description: 'A GraphQL document against the API schema.' },
    variables: { type: ['object', 'null'], description: "The operation's variables by name." },
    operationName: {
      type: ['string', 'null'],
      description: 'Which operation of the document to run, when it holds several.',
    },
  },
  required: ['query'],
  additionalProperties: false,
};

const checkArguments = new AjvJsonSchemaValidator().getValidator<{
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}>(inputSchema);

/**
 * `graphql`: any operation against the API, for agents the named operations do not serve. Off unless
 * MCP_ALLOW_ARBITRARY_GRAPHQL is set; mutations only when it says `mutations`. It runs with the caller's own
 * identity, like every tool, so it sees no more than that caller could through /graphql.
 */
export function createGraphQLTool(allowMutations: boolean): McpTool {
  return {
    definition: {
      name: GRAPHQL_TOOL_NAME,
      description: [
        `Runs any GraphQL ${allowMutations ? 'query or mutation' : 'query'} against Sophia's API and returns` +
          ' its result (data and errors). Prefer the named tools; use this for what they do not cover.',
        allowMutations ? '' : 'Mutations and subscriptions are refused.',
      ]
        .filter(Boolean)
        .join(' '),
      inputSchema,
      annotations: {
        readOnlyHint: !allowMutations,
        ...(allowMutations ? { destructiveHint: true, idempotentHint: false } : {}),
        openWorldHint: false,
      },
    },
    call: async (args, execute) => {
      const checked = checkArguments(args);
      if (!checked.valid) return toolError('BAD_USER_INPUT', `Invalid arguments: ${checked.errorMessage}`);
      const { query, variables, operationName } = checked.data;
      let document: DocumentNode;
      try {
        document = parse(query);
      } catch (error) {
        return toolError('BAD_USER_INPUT', error instanceof GraphQLError ? error.message : String(error));
      }
      const operation = getOperationAST(document, operationName ?? undefined)?.operation;
      if (operation === 'subscription')
        return toolError('BAD_USER_INPUT', 'Subscriptions cannot run as a tool.');
      if (operation === 'mutation' && !allowMutations) {
        return toolError(
          'FORBIDDEN',
          'Mutations are off for this tool (MCP_ALLOW_ARBITRARY_GRAPHQL=mutations).',
        );
      }
      return toolResult(
        await execute({
          query,
          ...(operationName ? { operationName } : {}),
          ...(variables ? { variables } : {}),
        }),
      );
    },
  };
}
