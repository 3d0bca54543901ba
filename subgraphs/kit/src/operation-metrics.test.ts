import { describe, expect, it } from 'vitest';
import { createServiceMetrics } from './metrics.ts';
import { useOperationMetrics, type OperationMetricsOptions } from './operation-metrics.ts';

async function record(options: OperationMetricsOptions, names: string[]): Promise<string[]> {
  const metrics = createServiceMetrics('test');
  const plugin = useOperationMetrics(metrics, options);
  for (const operationName of names) {
    const listener = await plugin.requestDidStart!({} as never);
    await listener!.willSendResponse!({ operationName, errors: undefined } as never);
  }
  const { values } = await metrics.graphqlDuration.get();
  return [...new Set(values.map((value) => String(value.labels['operation'])))].sort();
}

describe('operation metrics', () => {
  it('labels only registered operation names, the rest as one bucket', async () => {
    const registered = new Set(['KpiCards']);
    const names = ['KpiCards', ...Array.from({ length: 500 }, (_, i) => `attacker${i}`)];
    expect(await record({ isRegistered: (name) => registered.has(name) }, names)).toEqual([
      'KpiCards',
      'unregistered',
    ]);
  });

  it('keeps at most maxNames distinct names without a registry', async () => {
    const names = Array.from({ length: 50 }, (_, i) => `op${i}`);
    expect(await record({ maxNames: 3 }, names)).toEqual(['op0', 'op1', 'op2', 'other']);
  });
});
