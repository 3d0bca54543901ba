import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import type { Environment } from '../environments.ts';
import type { ServiceSpec } from '../services.ts';
import { ANALYSIS_TEMPLATES, CANARY_SUBSET, STABLE_SUBSET } from './canary.ts';
import { metaFor, selectorFor } from './meta.ts';
import { podTemplateFor } from './pod-template.ts';

/**
 * The canary steps: traffic moves 10 → 25 → 50 → 100 % with a pause after each, while the analysis
 * (success rate, p95 latency) runs in the background and aborts the rollout when it fails. Production waits
 * for a person (`kubectl argo rollouts promote`, or the deploy workflow's promote job) before 100 %.
 */
export const canarySteps = (env: Environment) => [
  { setWeight: 10 },
  { pause: { duration: '5m' } },
  { setWeight: 25 },
  { pause: { duration: '5m' } },
  { setWeight: 50 },
  { pause: env.name === 'production' ? {} : { duration: '10m' } },
  { setWeight: 100 },
];

const rolloutFor = (env: Environment, service: ServiceSpec) =>
  new Rollout({
    metadata: metaFor(env, service.name),
    spec: {
      replicas: service.replicas[env.name].min,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorFor(service.name) },
      template: podTemplateFor(env, service),
      strategy: {
        canary: {
          trafficRouting: {
            istio: {
              virtualService: { name: service.name, routes: ['primary'] },
              destinationRule: {
                name: service.name,
                canarySubsetName: CANARY_SUBSET,
                stableSubsetName: STABLE_SUBSET,
              },
            },
          },
          analysis: {
            templates: ANALYSIS_TEMPLATES.map((templateName) => ({ templateName })),
            startingStep: 1,
            args: [
              { name: 'service', value: service.name },
              { name: 'canary-hash', valueFrom: { podTemplateHashValue: 'Latest' } },
            ],
          },
          steps: canarySteps(env),
        },
      },
    },
  });

const deploymentFor = (env: Environment, service: ServiceSpec) =>
  new Deployment({
    metadata: metaFor(env, service.name),
    spec: {
      replicas: service.replicas[env.name].min,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorFor(service.name) },
      // Surge first: capacity never drops below the replica count during an update.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: podTemplateFor(env, service),
    },
  });

/** A service's one workload: an Argo Rollout when it ships by canary, otherwise a Deployment. */
export const workloadFor = (env: Environment, service: ServiceSpec) =>
  service.canary ? rolloutFor(env, service) : deploymentFor(env, service);
