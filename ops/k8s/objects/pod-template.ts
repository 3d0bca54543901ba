import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import type { Environment } from '../environments.ts';
import { DATA_DIR, METRICS_PORT, type ServiceSpec } from '../services.ts';
import { configMapFor } from './config.ts';
import { imageFor, labelsFor, selectorFor } from './meta.ts';
import { SECRETS_MOUNT, secretNameFor, secretVolumeFor } from './secrets.ts';

/** The uid of the `node` user in node:20-bookworm-slim; the images run as it. */
export const APP_UID = 1000;

export const podSecurityContext: IPodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: APP_UID,
  runAsGroup: APP_UID,
  fsGroup: APP_UID,
  seccompProfile: { type: 'RuntimeDefault' },
};

export const containerSecurityContext: ISecurityContext = {
  runAsNonRoot: true,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
};

/** Spread replicas over zones first, then nodes; soft, so a small cluster still schedules them. */
export const spreadFor = (component: string): ITopologySpreadConstraint[] =>
  ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: selectorFor(component) },
  }));

/** Probes on the service port: alive (`/healthz`) and ready (`/readyz`); start-up allows for a first seed. */
const probes = (): Pick<IContainer, 'livenessProbe' | 'readinessProbe' | 'startupProbe'> => {
  const get = (path: string) => ({ httpGet: { path, port: 'http' } });
  return {
    startupProbe: { ...get('/healthz'), periodSeconds: 5, failureThreshold: 60 },
    livenessProbe: { ...get('/healthz'), periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
    readinessProbe: { ...get('/readyz'), periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
  };
};

const container = (env: Environment, service: ServiceSpec): IContainer => ({
  name: service.name,
  image: imageFor(env, service.name),
  imagePullPolicy: 'IfNotPresent',
  ports: [
    { name: 'http', containerPort: service.port, protocol: 'TCP' },
    { name: 'metrics', containerPort: METRICS_PORT, protocol: 'TCP' },
  ],
  envFrom: [{ configMapRef: { name: configMapFor(env, service).metadata!.name! } }],
  env: service.secrets.map((key) => ({
    name: key,
    valueFrom: { secretKeyRef: { name: secretNameFor(service.name), key } },
  })),
  resources: service.resources[env.name],
  ...probes(),
  // Endpoints drop the pod while it sleeps; only then does SIGTERM start the drain.
  lifecycle: { preStop: { sleep: { seconds: service.drain.preStopSeconds } } },
  securityContext: containerSecurityContext,
  volumeMounts: [
    { name: 'tmp', mountPath: '/tmp' },
    { name: 'data', mountPath: DATA_DIR },
    { name: 'secrets', mountPath: SECRETS_MOUNT, readOnly: true },
  ],
});

/** The pod of one Sophia service, shared by its Deployment or Rollout. */
export const podTemplateFor = (env: Environment, service: ServiceSpec): IPodTemplateSpec => ({
  metadata: { labels: labelsFor(env, service.name) },
  spec: {
    serviceAccountName: service.name,
    automountServiceAccountToken: false,
    securityContext: podSecurityContext,
    terminationGracePeriodSeconds: service.drain.preStopSeconds + service.drain.shutdownSeconds,
    topologySpreadConstraints: spreadFor(service.name),
    containers: [container(env, service)],
    volumes: [
      { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
      // Embedded DuckDB files when no warehouse is configured; scratch space otherwise.
      { name: 'data', emptyDir: { sizeLimit: '2Gi' } },
      secretVolumeFor(service.name),
    ],
  },
});
