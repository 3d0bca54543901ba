import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import type { Environment } from '../environments.ts';

export const PART_OF = 'sophia';

/** The selector every object uses to find a component's pods. */
export const selectorFor = (component: string) => ({ 'app.kubernetes.io/name': component });

export const labelsFor = (env: Environment, component: string): Record<string, string> => ({
  ...selectorFor(component),
  'app.kubernetes.io/part-of': PART_OF,
  'app.kubernetes.io/managed-by': 'sophia-ops',
  'sophia.ai/environment': env.name,
});

/** Metadata of a namespaced object that belongs to `component`. */
export const metaFor = (env: Environment, component: string, name = component): IObjectMeta => ({
  name,
  namespace: env.namespace,
  labels: labelsFor(env, component),
});

export const imageFor = (env: Environment, service: string) =>
  `${env.registry}/sophia-${service}:${env.imageTag}`;
