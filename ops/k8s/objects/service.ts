import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import type { Environment } from '../environments.ts';
import { METRICS_PORT } from '../services.ts';
import { metaFor, selectorFor } from './meta.ts';

/** The in-cluster address of a component: its traffic port, and `metrics` for Prometheus. */
export const serviceFor = (env: Environment, component: string, port: number, metricsPort = METRICS_PORT) =>
  new Service({
    metadata: metaFor(env, component),
    spec: {
      type: 'ClusterIP',
      selector: selectorFor(component),
      ports: [
        { name: 'http', port, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
        { name: 'metrics', port: metricsPort, targetPort: 'metrics', protocol: 'TCP', appProtocol: 'http' },
      ],
    },
  });

/** Its own identity, with no API token mounted: no Sophia service talks to the Kubernetes API. */
export const serviceAccountFor = (env: Environment, component: string) =>
  new ServiceAccount({ metadata: metaFor(env, component), automountServiceAccountToken: false });

/** Voluntary evictions (node drains, upgrades) take one pod at a time. */
export const disruptionBudgetFor = (env: Environment, component: string) =>
  new PodDisruptionBudget({
    metadata: metaFor(env, component),
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorFor(component) } },
  });

/**
 * Prometheus scrapes the `metrics` port (/metrics on the admin port in production). The pod-template-hash
 * label comes along so that canary analysis can tell canary series from stable ones.
 */
export const serviceMonitorFor = (env: Environment, component: string) =>
  new ServiceMonitor({
    metadata: metaFor(env, component),
    spec: {
      selector: { matchLabels: selectorFor(component) },
      namespaceSelector: { matchNames: [env.namespace] },
      podTargetLabels: ['rollouts-pod-template-hash'],
      endpoints: [{ port: 'metrics', path: '/metrics', interval: '30s', scrapeTimeout: '10s' }],
    },
  });
