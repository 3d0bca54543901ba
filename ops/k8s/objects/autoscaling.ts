import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import type { Environment } from '../environments.ts';
import { EMBEDDING_POOL, type ServiceSpec } from '../services.ts';
import { metaFor } from './meta.ts';

const CPU_TARGET_PERCENT = 70;

const targetOf = (service: ServiceSpec) =>
  service.canary
    ? { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: service.name }
    : { apiVersion: 'apps/v1', kind: 'Deployment', name: service.name };

/** Queue depth as KEDA reads it: texts waiting in the memory subgraphs' embedding batchers. */
export const QUEUE_DEPTH_QUERY = 'sum(sophia_embedding_queue_depth{service="memory"})';
/** GPU busy percent of the pool's pods, from NVIDIA's DCGM exporter. */
export const GPU_UTILISATION_QUERY = `avg(DCGM_FI_DEV_GPU_UTIL{pod=~"${EMBEDDING_POOL.name}-.*"})`;

const prometheusTrigger = (env: Environment, name: string, query: string, threshold: number) => ({
  type: 'prometheus',
  name,
  metadata: { serverAddress: env.prometheusUrl, query, threshold: String(threshold) },
});

/** CPU-driven scaling between the environment's minimum and maximum. */
const cpuAutoscalerFor = (env: Environment, service: ServiceSpec) =>
  new HorizontalPodAutoscaler({
    metadata: metaFor(env, service.name),
    spec: {
      scaleTargetRef: targetOf(service),
      minReplicas: service.replicas[env.name].min,
      maxReplicas: service.replicas[env.name].max,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: CPU_TARGET_PERCENT } },
        },
      ],
      // Scale down slowly: WebSocket clients and warm indexes are expensive to move.
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  });

/**
 * KEDA makes `sophia_embedding_queue_depth` an external metric and owns the HPA it creates, so a service
 * scaled this way has a ScaledObject instead of its own HPA.
 */
const queueAutoscalerFor = (env: Environment, service: ServiceSpec) =>
  new ScaledObject({
    metadata: metaFor(env, service.name),
    spec: {
      scaleTargetRef: targetOf(service),
      minReplicaCount: service.replicas[env.name].min,
      maxReplicaCount: service.replicas[env.name].max,
      cooldownPeriod: 300,
      triggers: [
        { type: 'cpu', metricType: 'Utilization', metadata: { value: String(CPU_TARGET_PERCENT) } },
        prometheusTrigger(env, 'embedding-queue-depth', QUEUE_DEPTH_QUERY, EMBEDDING_POOL.queueDepthTarget),
      ],
    },
  });

export const autoscalerFor = (env: Environment, service: ServiceSpec) =>
  service.scalesOnEmbeddingQueue ? queueAutoscalerFor(env, service) : cpuAutoscalerFor(env, service);

/** The GPU pool grows on GPU utilisation or on the embedding queue, whichever asks for more. */
export const embeddingPoolAutoscaler = (env: Environment) =>
  new ScaledObject({
    metadata: metaFor(env, EMBEDDING_POOL.name),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: EMBEDDING_POOL.name },
      minReplicaCount: EMBEDDING_POOL.replicas[env.name].min,
      maxReplicaCount: EMBEDDING_POOL.replicas[env.name].max,
      cooldownPeriod: 600,
      triggers: [
        prometheusTrigger(env, 'gpu-utilisation', GPU_UTILISATION_QUERY, EMBEDDING_POOL.gpuUtilisationTarget),
        prometheusTrigger(env, 'embedding-queue-depth', QUEUE_DEPTH_QUERY, EMBEDDING_POOL.queueDepthTarget),
      ],
    },
  });
