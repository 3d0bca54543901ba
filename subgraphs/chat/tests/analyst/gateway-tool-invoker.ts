/**
 * A real `ToolInvoker` for tests: runs the named operation of `schema/operations/*.graphql` against the
 * gateway's `/graphql` over HTTP with a bearer token, as the MCP tools do, and returns its `data`. It also
 * records every call, so a test can check which tools an answer used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type DefinitionNode } from 'graphql';
import { ToolCallError, type ToolInvoker } from '../../src/pipeline/answer-contract.ts';

const OPERATIONS_DIR = join(import.meta.dirname, '../../../../schema/operations');

/** Every named operation in schema/operations, as a standalone document. */
export function loadOperations(dir = OPERATIONS_DIR): Map<string, string> {
  const operations = new Map<string, string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.graphql'))) {
    const document = parse(readFileSync(join(dir, file), 'utf8'));
    for (const definition of document.definitions as readonly DefinitionNode[]) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) {
        operations.set(definition.name.value, print(definition));
      }
    }
  }
  return operations;
}

export interface RecordingToolInvoker extends ToolInvoker {
  readonly calls: { name: string; args: Readonly<Record<string, unknown>> }[];
}

export function createGatewayToolInvoker(graphqlUrl: string, token: string): RecordingToolInvoker {
  const operations = loadOperations();
  const calls: RecordingToolInvoker['calls'] = [];
  return {
    calls,
    async call(name, args) {
      const query = operations.get(name);
      if (!query) throw new ToolCallError(name, 'BAD_USER_INPUT', `No operation named ${name}.`);
      calls.push({ name, args });
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: args, operationName: name }),
      });
      const body = (await response.json()) as {
        data?: Record<string, unknown> | null;
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      const [error] = body.errors ?? [];
      if (error || !body.data) {
        throw new ToolCallError(
          name,
          error?.extensions?.code ?? 'DOWNSTREAM_SERVICE_ERROR',
          error?.message ?? `HTTP ${response.status}`,
        );
      }
      return body.data;
    },
  };
}
