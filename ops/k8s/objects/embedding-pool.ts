import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import type { Environment } from '../environments.ts';
import { EMBEDDING_POOL } from '../services.ts';
import { labelsFor, metaFor, selectorFor } from './meta.ts';
import { containerSecurityContext, podSecurityContext, spreadFor } from './pod-template.ts';

const GPU = 'nvidia.com/gpu';

/**
 * text-embeddings-inference on the GPU node pool: one GPU per pod, scheduled only on GPU nodes (node selector
 * plus the pool's taint toleration). The model is downloaded into an emptyDir on first start.
 */
export const embeddingPoolFor = (env: Environment) => {
  const pool = EMBEDDING_POOL;
  const health = { httpGet: { path: '/health', port: 'http' } };
  return new Deployment({
    metadata: metaFor(env, pool.name),
    spec: {
      replicas: pool.replicas[env.name].min,
      selector: { matchLabels: selectorFor(pool.name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: labelsFor(env, pool.name) },
        spec: {
          serviceAccountName: pool.name,
          automountServiceAccountToken: false,
          securityContext: podSecurityContext,
          terminationGracePeriodSeconds: pool.drain.preStopSeconds + pool.drain.shutdownSeconds,
          nodeSelector: { 'sophia.ai/node-pool': env.gpuNodePool },
          tolerations: [{ key: GPU, operator: 'Exists', effect: 'NoSchedule' }],
          topologySpreadConstraints: spreadFor(pool.name),
          containers: [
            {
              name: 'tei',
              image: pool.image,
              args: [
                '--model-id',
                pool.model,
                '--port',
                String(pool.port),
                '--prometheus-port',
                String(pool.metricsPort),
              ],
              env: [{ name: 'HUGGINGFACE_HUB_CACHE', value: '/data' }],
              ports: [
                { name: 'http', containerPort: pool.port, protocol: 'TCP' },
                { name: 'metrics', containerPort: pool.metricsPort, protocol: 'TCP' },
              ],
              resources: {
                requests: { ...pool.resources.requests, [GPU]: String(pool.gpus) },
                limits: { ...pool.resources.limits, [GPU]: String(pool.gpus) },
              },
              // Loading the model takes minutes on a cold node.
              startupProbe: { ...health, periodSeconds: 10, failureThreshold: 60 },
              livenessProbe: { ...health, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
              readinessProbe: { ...health, periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 2 },
              lifecycle: { preStop: { sleep: { seconds: pool.drain.preStopSeconds } } },
              securityContext: containerSecurityContext,
              volumeMounts: [
                { name: 'data', mountPath: '/data' },
                { name: 'tmp', mountPath: '/tmp' },
              ],
            },
          ],
          volumes: [
            { name: 'data', emptyDir: { sizeLimit: '10Gi' } },
            { name: 'tmp', emptyDir: { sizeLimit: '1Gi' } },
          ],
        },
      },
    },
  });
};
