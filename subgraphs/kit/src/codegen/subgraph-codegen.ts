import type { Types } from '@graphql-codegen/plugin-helpers';

/**
 * The codegen target for one subgraph: `src/__generated__/resolvers-types.ts` from `src/schema.graphql`,
 * resolvers typed against the subgraph's context and its store rows (`mappers`, paths relative to
 * the generated file, e.g. `{ Deal: '../store.ts#DealRow' }`).
 */
export function subgraphCodegen(
  name: string,
  options: { context: string; mappers?: Record<string, string> },
): Record<string, Types.ConfiguredOutput> {
  const dir = `subgraphs/${name}/src`;
  return {
    [`${dir}/__generated__/resolvers-types.ts`]: {
      schema: `${dir}/schema.graphql`,
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        contextType: options.context,
        mappers: options.mappers ?? {},
        scalars: { ID: 'string' },
        resolverTypeWrapperSignature: 'T | Promise<T>',
      },
    },
  };
}
