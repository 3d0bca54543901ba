import {
  Kind,
  print,
  validate,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { variablesSchema } from './input-schema.ts';
import type { OperationSet } from './operation-dir.ts';
import type { OperationEntry } from './operation-file.ts';
import type { McpTool } from './tool.ts';
import { toolError, toolResult } from './tool-result.ts';

export interface OperationTools {
  readonly tools: ReadonlyMap<string, McpTool>;
  /** Operations that are not valid against the schema: `file: Operation: message`. */
  readonly problems: readonly string[];
}

const validator = new AjvJsonSchemaValidator();

/**
 * One tool per operation, checked against the API schema the gateway serves: its name, a description from
 * the operation's comment and its root fields' descriptions, the variables' JSON Schema, and annotations
 * (queries are read-only; mutations are not, and are taken as destructive unless the comment says otherwise).
 */
export function buildOperationTools(set: OperationSet, schema: GraphQLSchema): OperationTools {
  const tools = new Map<string, McpTool>();
  const problems: string[] = [];
  for (const entry of set.operations) {
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [entry.definition, ...fragmentsUsed(entry.definition, set.fragments)],
    };
    const errors = validate(schema, document);
    if (errors.length > 0) {
      problems.push(...errors.map((error) => `${entry.file}: ${entry.name}: ${error.message}`));
      continue;
    }
    tools.set(entry.name, operationTool(entry, document, schema));
  }
  return { tools, problems };
}

function operationTool(entry: OperationEntry, document: DocumentNode, schema: GraphQLSchema): McpTool {
  const inputSchema = variablesSchema(schema, entry.definition);
  const checkArguments = validator.getValidator(inputSchema);
  const query = print(document);
  return {
    definition: {
      name: entry.name,
      description: describeOperation(entry, schema),
      inputSchema,
      annotations: annotationsOf(entry),
    },
    call: async (args, execute) => {
      const checked = checkArguments(args);
      if (!checked.valid) return toolError('BAD_USER_INPUT', `Invalid arguments: ${checked.errorMessage}`);
      return toolResult(await execute({ query, operationName: entry.name, variables: args }));
    },
  };
}

function annotationsOf(entry: OperationEntry): ToolAnnotations {
  const readOnly = entry.definition.operation === 'query';
  return {
    readOnlyHint: readOnly,
    ...(readOnly ? {} : { destructiveHint: true, idempotentHint: false }),
    // Sophia's own data, not the open web.
    openWorldHint: false,
    ...entry.hints,
  };
}

/** The operation's comment, then what the schema says of each root field it selects. */
function describeOperation(entry: OperationEntry, schema: GraphQLSchema): string {
  const root = entry.definition.operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  const fields = root?.getFields() ?? {};
  const notes = entry.definition.selectionSet.selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD) return [];
    const description = fields[selection.name.value]?.description;
    return description ? [`${selection.name.value}: ${description.replace(/\s+/g, ' ')}`] : [];
  });
  const kind = entry.definition.operation === 'query' ? 'GraphQL query' : 'GraphQL mutation';
  return [entry.comment || `Runs the ${kind} ${entry.name}.`, ...notes].join('\n\n');
}

/** The fragments an operation spreads, directly or through other fragments (unused ones fail validation). */
function fragmentsUsed(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: Array<OperationDefinitionNode | FragmentDefinitionNode> = [operation];
  for (let node = pending.pop(); node; node = pending.pop()) {
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(spread.name.value)) {
          used.set(spread.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [...used.values()];
}
