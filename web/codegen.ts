import type { Types } from '@graphql-codegen/plugin-helpers';

/**
 * The dashboard's typed documents: graphql-codegen's client preset over the public API
 * (`schema/api.graphql`), reading the `graphql(…)` calls in web/src. Components declare their own
 * fragments and read them with `getFragmentData`, so a component sees only the fields it asked for.
 */
const web: Record<string, Types.ConfiguredOutput> = {
  'web/src/__generated__/': {
    schema: 'schema/api.graphql',
    documents: ['web/src/**/*.{ts,tsx}', '!web/src/**/*.test.{ts,tsx}', '!web/src/__generated__/**'],
    preset: 'client',
    presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
    config: { enumsAsTypes: true, useTypeImports: true, onlyOperationTypes: true, scalars: { ID: 'string' } },
  },
};

export default web;
