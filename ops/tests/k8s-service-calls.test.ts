import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_NAMES } from '../k8s/environments.ts';
import { SERVICES } from '../k8s/services.ts';
import { MANIFESTS, type Manifest } from './k8s-fixture.ts';

const labelOf = (peer: any): string | undefined => peer.podSelector?.matchLabels?.['app.kubernetes.io/name'];
const policyOf = (manifests: Manifest[], name: string) =>
  manifests.find(
    (m) => m.kind === 'NetworkPolicy' && m.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === name,
  )!;
/** Which pods may open a connection to `name`, and which services `name` may open one to (with the port). */
const callersOf = (manifests: Manifest[], name: string): string[] =>
  policyOf(manifests, name)
    .spec.ingress.flatMap((rule: any) => rule.from.map(labelOf))
    .filter(Boolean)
    .sort();
const calleesOf = (manifests: Manifest[], name: string): string[] =>
  policyOf(manifests, name)
    .spec.egress.flatMap((rule: any) =>
      rule.to
        .map(labelOf)
        .filter(Boolean)
        .map((to: string) => `${to}:${rule.ports[0].port}`),
    )
    .sort();

/** Calls between services besides the gateway's: kpi catches up on deal changes from sales, and no one else may. */
describe.each(ENVIRONMENT_NAMES)('service-to-service calls in the rendered %s manifests', (env) => {
  const manifests = MANIFESTS.get(env)!;

  it('lets kpi reach sales on its port, and sales take calls from the gateway and kpi only', () => {
    expect(calleesOf(manifests, 'kpi')).toEqual(['sales:4005']);
    expect(callersOf(manifests, 'sales')).toEqual(['gateway', 'kpi']);
    for (const other of SERVICES.filter((s) => s.role === 'subgraph' && s.name !== 'sales')) {
      expect(callersOf(manifests, other.name), other.name).toEqual(['gateway']);
    }
  });

  it('tells kpi where sales is, in the namespace', () => {
    const config = manifests.find(
      (m) => m.kind === 'ConfigMap' && m.metadata.name.startsWith('kpi-config-'),
    )!;
    const namespace = config.metadata.namespace!;
    expect(config.data!['SOPHIA_SALES_URL']).toBe(`http://sales.${namespace}.svc.cluster.local:4005`);
  });
});
