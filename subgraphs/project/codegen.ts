import { subgraphCodegen } from '../kit/src/codegen/subgraph-codegen.ts';

export default subgraphCodegen('project', {
  context: '../context.ts#ProjectContext',
  mappers: {},
});
