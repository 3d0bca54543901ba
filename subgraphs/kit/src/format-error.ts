import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ERROR_CODES, isErrorCode } from './errors.ts';

/**
 * Codes from the catalogue, and Apollo's own request-level codes (parse and validation failures), pass
 * through; anything else is an unexpected failure: logged in full and masked to INTERNAL_SERVER_ERROR.
 */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function createErrorFormatter(logger: Logger, service: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.['code'];
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      // Apollo reports a wrongly typed variable as BAD_USER_INPUT already; parse/validation errors are the
      // client's to fix too.
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', reason: code } };
    }
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'unexpected resolver error');
    return {
      message: ERROR_CODES.INTERNAL_SERVER_ERROR,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: service },
    };
  };
}
