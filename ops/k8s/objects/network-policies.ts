import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import type { Environment } from '../environments.ts';
import { EMBEDDING_POOL, SERVICES, serviceByName, type ServiceSpec } from '../services.ts';
import { metaFor, PART_OF, selectorFor } from './meta.ts';

const tcp = (port: number | string): INetworkPolicyPort => ({ protocol: 'TCP', port });
const namespace = (name: string): INetworkPolicyPeer => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
});
const pods = (component: string): INetworkPolicyPeer => ({
  podSelector: { matchLabels: selectorFor(component) },
});

/** Nothing in, nothing out, unless a policy below allows it. */
const defaultDeny = (env: Environment) =>
  new NetworkPolicy({
    metadata: metaFor(env, PART_OF, 'default-deny'),
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });

/**
 * Every pod may resolve names (kube-dns), send traces to the OpenTelemetry collector, and be scraped on
 * `metrics` by Prometheus.
 */
const shared = (env: Environment) =>
  new NetworkPolicy({
    metadata: metaFor(env, PART_OF, 'dns-and-metrics'),
    spec: {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [namespace(env.monitoringNamespace)], ports: [tcp('metrics')] }],
      egress: [
        {
          to: [{ ...namespace('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [{ protocol: 'UDP', port: 53 }, tcp(53)],
        },
        { to: [namespace(env.telemetryNamespace)], ports: [tcp(4318)] },
      ],
    },
  });

const external = (env: Environment, dependency: 'redis' | 'warehouse' | 'llm'): INetworkPolicyEgressRule => {
  const endpoint = env.egress[dependency];
  return { to: endpoint.cidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [tcp(endpoint.port)] };
};

/**
 * Who may call a service: the ingress controller for the gateway (and chat, for /mcp); the gateway for subgraphs,
 * and the services that name it in `calls` (kpi → sales).
 */
const callersOf = (env: Environment, service: ServiceSpec): INetworkPolicyPeer[] => [
  ...(service.role === 'gateway'
    ? [namespace(env.ingressNamespace), namespace('istio-system'), pods('chat')]
    : [pods('gateway')]),
  ...SERVICES.filter((caller) => caller.calls?.includes(service.name)).map((caller) => pods(caller.name)),
];

/** Where a service may go: the gateway to every subgraph, chat to the gateway's /mcp, plus its dependencies. */
const egressOf = (env: Environment, service: ServiceSpec): INetworkPolicyEgressRule[] => {
  const rules: INetworkPolicyEgressRule[] = [];
  if (service.role === 'gateway') {
    for (const subgraph of SERVICES.filter((s) => s.role === 'subgraph')) {
      rules.push({ to: [pods(subgraph.name)], ports: [tcp(subgraph.port)] });
    }
  }
  if (service.name === 'chat')
    rules.push({ to: [pods('gateway')], ports: [tcp(serviceByName('gateway').port)] });
  for (const callee of (service.calls ?? []).map(serviceByName)) {
    rules.push({ to: [pods(callee.name)], ports: [tcp(callee.port)] });
  }
  for (const dependency of service.dependencies) {
    const rule: INetworkPolicyEgressRule =
      dependency === 'embeddings'
        ? { to: [pods(EMBEDDING_POOL.name)], ports: [tcp(EMBEDDING_POOL.port)] }
        : external(env, dependency);
    rules.push(rule);
  }
  return rules;
};

const serviceNetworkPolicy = (env: Environment, service: ServiceSpec) =>
  new NetworkPolicy({
    metadata: metaFor(env, service.name),
    spec: {
      podSelector: { matchLabels: selectorFor(service.name) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: callersOf(env, service), ports: [tcp(service.port)] }],
      egress: egressOf(env, service),
    },
  });

/** The GPU pool takes calls from memory only and goes out to the model hub (HTTPS) for its weights. */
const embeddingPoolNetworkPolicy = (env: Environment) =>
  new NetworkPolicy({
    metadata: metaFor(env, EMBEDDING_POOL.name),
    spec: {
      podSelector: { matchLabels: selectorFor(EMBEDDING_POOL.name) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [pods('memory')], ports: [tcp(EMBEDDING_POOL.port)] }],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [tcp(443)] }],
    },
  });

export const namespacePoliciesFor = (env: Environment) => [defaultDeny(env), shared(env)];
export const networkPolicyFor = serviceNetworkPolicy;
export { embeddingPoolNetworkPolicy };
