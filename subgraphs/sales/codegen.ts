import { subgraphCodegen } from '../kit/src/codegen/subgraph-codegen.ts';

export default subgraphCodegen('sales', {
  context: '../context.ts#SalesContext',
  mappers: {},
});
