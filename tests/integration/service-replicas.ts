import { freePort } from '../../ops/src/launcher/ports.ts';
import { ServiceProcess } from '../../ops/src/launcher/service-process.ts';

/**
 * Two replicas of one subgraph (`<name>-a`, `<name>-b`) as separate processes on free ports, as two pods
 * sharing a warehouse. Started one at a time: the first runs the migrations, the second finds them done. Each
 * is added to `replicas` as soon as it runs, so the caller's cleanup stops it even if the next one fails.
 */
export async function startReplicas(
  replicas: ServiceProcess[],
  name: 'chat' | 'memory',
  env: Readonly<Record<string, string>>,
  logs: string[],
): Promise<void> {
  for (const suffix of ['a', 'b']) {
    const replica = new ServiceProcess(
      { name: `${name}-${suffix}`, entry: `subgraphs/${name}/src/index.ts`, port: await freePort(), env },
      (service, line) => logs.push(`${service}: ${line}`),
    );
    await replica.start();
    replicas.push(replica);
  }
}
