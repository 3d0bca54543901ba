import { subgraphCodegen } from '../kit/src/codegen/subgraph-codegen.ts';

export default subgraphCodegen('project', {
  context: '../context.ts#ProjectContext',
  mappers: {
    User: '../store-rows.ts#UserRow',
    Team: '../store-rows.ts#TeamRow',
    Project: '../store-rows.ts#ProjectRow',
    Milestone: '../store-rows.ts#MilestoneRow',
    Objective: '../store-rows.ts#ObjectiveRow',
    KeyResult: '../store-rows.ts#KeyResultRow',
    ApiKey: '../store/api-keys-store.ts#ApiKeyRow',
  },
});
