import { expect } from 'vitest';
import { signViewerToken, VIEWER_HEADER } from '@sophia/kit';
import { CEO, TEST_SECRET } from '@sophia/kit/testing';
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

/** A GraphQL request to one replica, as the gateway sends it (the viewer signed in a header); its data. */
export async function requestReplica<T = any>(
  replica: ServiceProcess,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${replica.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [VIEWER_HEADER]: await signViewerToken(CEO, TEST_SECRET) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body)).toBeUndefined();
  expect(body.data, `${response.status} ${JSON.stringify(body)}`).toBeDefined();
  return body.data!;
}
