import type { CodegenConfig } from '@graphql-codegen/cli';
import chat from './subgraphs/chat/codegen.ts';
import kpi from './subgraphs/kpi/codegen.ts';
import memory from './subgraphs/memory/codegen.ts';
import project from './subgraphs/project/codegen.ts';
import sales from './subgraphs/sales/codegen.ts';
import web from './web/codegen.ts';

/**
 * `npm run codegen`: typed resolvers for every subgraph (each subgraph's own codegen.ts says where its
 * rows map to GraphQL types) and the dashboard's typed documents (web/codegen.ts). A test fails when the
 * generated files are stale.
 */
const config: CodegenConfig = {
  overwrite: true,
  generates: { ...chat, ...kpi, ...memory, ...project, ...sales, ...web },
};

export default config;
