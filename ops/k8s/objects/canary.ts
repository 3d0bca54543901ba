import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { AnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import type { Environment } from '../environments.ts';
import type { ServiceSpec } from '../services.ts';
import { metaFor, PART_OF } from './meta.ts';

export const STABLE_SUBSET = 'stable';
export const CANARY_SUBSET = 'canary';
/** Requests with this header always reach the canary: testers try it before any user does. */
export const CANARY_HEADER = { name: 'x-version', value: 'canary' } as const;
export const ANALYSIS_TEMPLATES = ['success-rate', 'latency-p95'] as const;

const host = (env: Environment, service: ServiceSpec) => `${service.name}.${env.namespace}.svc.cluster.local`;

/**
 * 90/10 between the stable and canary subsets, and the `x-version: canary` header straight to canary. Argo
 * Rollouts rewrites the weights of the `primary` route as the rollout steps through; between rollouts both
 * subsets select the same pods, so the split is harmless.
 */
export const virtualServiceFor = (env: Environment, service: ServiceSpec) =>
  new VirtualService({
    metadata: metaFor(env, service.name),
    spec: {
      hosts: [service.name, host(env, service), ...(service.role === 'gateway' ? [env.host] : [])],
      gateways: ['mesh'],
      http: [
        {
          name: 'canary-by-header',
          match: [{ headers: { [CANARY_HEADER.name]: { exact: CANARY_HEADER.value } } }],
          route: [
            {
              destination: {
                host: host(env, service),
                subset: CANARY_SUBSET,
                port: { number: service.port },
              },
            },
          ],
        },
        {
          name: 'primary',
          route: [
            {
              destination: {
                host: host(env, service),
                subset: STABLE_SUBSET,
                port: { number: service.port },
              },
              weight: 90,
            },
            {
              destination: {
                host: host(env, service),
                subset: CANARY_SUBSET,
                port: { number: service.port },
              },
              weight: 10,
            },
          ],
        },
      ],
    },
  });

/** The subsets the VirtualService routes to; Argo Rollouts adds each subset's pod-template-hash label. */
export const destinationRuleFor = (env: Environment, service: ServiceSpec) =>
  new DestinationRule({
    metadata: metaFor(env, service.name),
    spec: {
      host: host(env, service),
      trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } },
      subsets: [
        { name: STABLE_SUBSET, labels: { 'app.kubernetes.io/name': service.name } },
        { name: CANARY_SUBSET, labels: { 'app.kubernetes.io/name': service.name } },
      ],
    },
  });

/** The canary pods' series: ServiceMonitors copy the pod-template-hash label onto every sample. */
const canarySelector = 'service="{{args.service}}",rollouts_pod_template_hash="{{args.canary-hash}}"';

/**
 * Analysis run in the background of every canary: abort when fewer than 99 % of requests succeed, or when
 * the p95 GraphQL operation latency rises above 500 ms, twice in a row. No traffic yet is not a failure.
 */
export const analysisTemplatesFor = (env: Environment) => {
  const args = [{ name: 'service' }, { name: 'canary-hash' }];
  const metric = (name: string, query: string, successCondition: string) => ({
    name,
    interval: '1m',
    failureLimit: 2,
    successCondition,
    provider: { prometheus: { address: env.prometheusUrl, query } },
  });
  return [
    new AnalysisTemplate({
      metadata: metaFor(env, PART_OF, 'success-rate'),
      spec: {
        args,
        metrics: [
          metric(
            'success-rate',
            `sum(rate(sophia_http_requests_total{${canarySelector},status!~"5.."}[2m])) / sum(rate(sophia_http_requests_total{${canarySelector}}[2m]))`,
            'len(result) == 0 || isNaN(result[0]) || result[0] >= 0.99',
          ),
        ],
      },
    }),
    new AnalysisTemplate({
      metadata: metaFor(env, PART_OF, 'latency-p95'),
      spec: {
        args,
        metrics: [
          metric(
            'latency-p95',
            `histogram_quantile(0.95, sum by (le) (rate(sophia_graphql_operation_duration_seconds_bucket{${canarySelector}}[2m])))`,
            'len(result) == 0 || isNaN(result[0]) || result[0] <= 0.5',
          ),
        ],
      },
    }),
  ];
};
