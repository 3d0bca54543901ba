import { subgraphCodegen } from '../kit/src/codegen/subgraph-codegen.ts';

export default subgraphCodegen('sales', {
  context: '../context.ts#SalesContext',
  mappers: {
    Deal: '../store/rows.ts#DealRow',
    Account: '../store/rows.ts#AccountRow',
    DealStageChange: '../store/rows.ts#DealStageChangeRow',
    DealStageChangedEvent: '../store/rows.ts#DealStageChangedEventRow',
    MoveDealStagePayload: '../store/rows.ts#MoveDealStageResult',
    User: '../store/rows.ts#UserRef',
    DealConnection: '../store/rows.ts#DealPage',
    AccountConnection: '../store/rows.ts#AccountPage',
  },
});
