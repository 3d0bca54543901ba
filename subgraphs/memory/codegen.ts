import { subgraphCodegen } from '../kit/src/codegen/subgraph-codegen.ts';

export default subgraphCodegen('memory', {
  context: '../context.ts#MemoryContext',
  mappers: {
    Memory: '../store.ts#MemoryRow',
    Account: '../store.ts#AccountRef',
    IngestJob: '../ingest/job-store.ts#IngestJobRow',
  },
});
