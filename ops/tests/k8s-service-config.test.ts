import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../gateway/src/env.ts';
import { loadChatConfig } from '../../subgraphs/chat/src/env.ts';
import { loadKpiConfig } from '../../subgraphs/kpi/src/env.ts';
import { loadMemoryConfig } from '../../subgraphs/memory/src/env.ts';
import { loadProjectConfig } from '../../subgraphs/project/src/env.ts';
import { loadSalesConfig } from '../../subgraphs/sales/src/env.ts';
import { ENVIRONMENT_NAMES } from '../k8s/environments.ts';
import { SERVICES, type ServiceName } from '../k8s/services.ts';
import { MANIFESTS } from './k8s-fixture.ts';

type Source = Record<string, string | undefined>;
/** Each service's own configuration parser: what it runs at start, with every production rule. */
const LOADERS: Record<ServiceName, (source: Source) => unknown> = {
  gateway: (source) => loadGatewayConfig({}, source),
  chat: loadChatConfig,
  memory: loadMemoryConfig,
  kpi: loadKpiConfig,
  project: loadProjectConfig,
  sales: loadSalesConfig,
};

/** Stand-ins for what the secret store holds: real-looking values, so production's checks apply in full. */
const storeValue = (key: string) =>
  key === 'REDIS_URL'
    ? 'redis://redis.internal:6379'
    : key === 'SNOWFLAKE_PASSWORD'
      ? ''
      : randomBytes(32).toString('hex');

/**
 * The environment the manifests give each container (its ConfigMap, its own env, its secrets by name), parsed
 * by the service's own env.ts: a manifest that would leave a service refusing to start fails here.
 */
describe.each(ENVIRONMENT_NAMES)('rendered %s configuration starts every service', (env) => {
  const manifests = MANIFESTS.get(env)!;
  it.each(SERVICES.map((service) => service.name))('%s', (name) => {
    const workload = manifests.find(
      (m) => ['Deployment', 'Rollout'].includes(m.kind) && m.metadata.name === name,
    )!;
    const [container] = workload.spec.template.spec.containers;
    const configMap = manifests.find(
      (m) => m.kind === 'ConfigMap' && m.metadata.name === container.envFrom[0].configMapRef.name,
    )!;
    const source: Source = { ...configMap.data };
    for (const variable of container.env as { name: string; value?: string; valueFrom?: unknown }[]) {
      source[variable.name] = variable.value ?? storeValue(variable.name);
    }
    const config = LOADERS[name](source) as { SOPHIA_ENV?: string; PORT: number; HOST: string };
    expect(config.PORT).toBe(SERVICES.find((s) => s.name === name)!.port);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.SOPHIA_ENV).toBe(env === 'dev' ? 'development' : 'production');
  });
});
