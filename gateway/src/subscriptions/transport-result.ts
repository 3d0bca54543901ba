import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ExecutionResult, FormattedExecutionResult } from 'graphql-ws';

/**
 * An error already formatted (masked, coded): graphql-ws sends each error's `toJSON()`, so this one answers
 * with exactly its formatted shape, locations included.
 */
class FormattedError extends GraphQLError {
  constructor(private readonly formatted: GraphQLFormattedError) {
    super(formatted.message, formatted.extensions ? { extensions: formatted.extensions } : {});
  }

  override toJSON(): GraphQLFormattedError {
    return this.formatted;
  }
}

/** A formatted result in the shape graphql-ws sends. */
export function toTransport(result: FormattedExecutionResult): ExecutionResult {
  const { errors, ...rest } = result;
  return errors ? { ...rest, errors: errors.map((error) => new FormattedError(error)) } : rest;
}
