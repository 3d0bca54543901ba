import { Namespace } from 'kubernetes-models/v1/Namespace';
import type { Environment } from '../environments.ts';
import { labelsFor, PART_OF } from './meta.ts';

/**
 * The namespace: Istio sidecars injected (mTLS, the canary split), the `restricted` Pod Security Standard
 * enforced, and the environment named for policies and dashboards.
 */
export const namespaceFor = (env: Environment) =>
  new Namespace({
    metadata: {
      name: env.namespace,
      labels: {
        ...labelsFor(env, PART_OF),
        'istio-injection': 'enabled',
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
        'pod-security.kubernetes.io/warn': 'restricted',
      },
    },
  });
