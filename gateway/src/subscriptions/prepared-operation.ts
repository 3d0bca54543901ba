import type { SubscriptionNode } from '@apollo/query-planner';
import type { ExecutionArgs } from 'graphql';
import type { GatewayContext } from '../context.ts';
import type { ValidOperation } from './validate-operation.ts';
import type { SocketConnection } from './socket-connection.ts';
import type { SupergraphSnapshot } from './supergraph-tracker.ts';

/**
 * What `onSubscribe` hands graphql-ws as the context value and gets back in `execute`/`subscribe`: the valid
 * operation, the socket it came on, its context and, for a subscription, its plan on the supergraph it was
 * planned on.
 */
export class PreparedOperation {
  constructor(
    readonly valid: ValidOperation,
    readonly connection: SocketConnection,
    readonly context: GatewayContext,
    readonly snapshot: SupergraphSnapshot,
    readonly plan?: SubscriptionNode,
  ) {}

  toExecutionArgs(): ExecutionArgs {
    return {
      schema: this.snapshot.apiSchema,
      document: this.valid.document,
      operationName: this.valid.operationName ?? null,
      variableValues: this.valid.variables,
      contextValue: this,
    };
  }

  static from(args: ExecutionArgs): PreparedOperation {
    if (args.contextValue instanceof PreparedOperation) return args.contextValue;
    throw new Error('graphql-ws ran an operation the gateway did not prepare');
  }
}
