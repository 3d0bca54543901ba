import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { SophiaError } from '@sophia/kit';

/**
 * Ends a subscription with one or more GraphQL errors. graphql-ws sends what an iterator throws as an `error`
 * message (the operation's last); this carries every error to the gateway's `onError`, which formats them.
 */
export class SubscriptionEndedError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'SubscriptionEndedError';
  }
}

/**
 * What a subgraph's socket reported when it ended a subscription: GraphQL errors (stamped with the subgraph's
 * name, DOWNSTREAM_SERVICE_ERROR where they carry no code), or a lost connection.
 */
export function upstreamFailure(subgraph: string, reported: unknown): SubscriptionEndedError {
  if (Array.isArray(reported) && reported.length > 0) {
    return new SubscriptionEndedError(
      (reported as GraphQLFormattedError[]).map(
        (error) =>
          new GraphQLError(error.message, {
            extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', ...error.extensions, serviceName: subgraph },
          }),
      ),
    );
  }
  return new SubscriptionEndedError([
    new SophiaError(
      'DOWNSTREAM_SERVICE_ERROR',
      `The ${subgraph} service is unavailable (${describe(reported)}).`,
      {
        serviceName: subgraph,
      },
    ),
  ]);
}

export const schemaReloaded = (): SubscriptionEndedError =>
  new SubscriptionEndedError([
    new SophiaError(
      'SUBSCRIPTION_SCHEMA_RELOAD',
      'The API changed while this subscription was live, so it ended; subscribe again.',
    ),
  ]);

function describe(reported: unknown): string {
  const { code, reason, message } = (reported ?? {}) as {
    code?: unknown;
    reason?: unknown;
    message?: unknown;
  };
  if (typeof code === 'number') return `connection closed with ${code}${reason ? `: ${String(reason)}` : ''}`;
  return typeof message === 'string' && message ? message : 'connection lost';
}
