import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_NAMES } from '../k8s/environments.ts';
import { METRICS_PORT, SERVICES, type EnvironmentName } from '../k8s/services.ts';
import { MANIFESTS, type Manifest } from './k8s-fixture.ts';

/**
 * Policy over everything rendered: each rule is a row, run against every object it applies to in every
 * environment, so a new service or object is checked without a new test. A rule returns what is wrong.
 */
type Rule<T> = readonly [name: string, check: (subject: T, context: Context) => string | undefined];
interface Context {
  readonly env: EnvironmentName;
  readonly manifests: readonly Manifest[];
}
interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  envFrom?: { configMapRef?: { name: string } }[];
  // The rules read these as the schema (already checked) shapes them.
  resources?: any;
  livenessProbe?: any;
  readinessProbe?: any;
  securityContext?: any;
  lifecycle?: any;
  ports?: any[];
}

const WORKLOAD_KINDS = ['Deployment', 'Rollout'];
const workloads = (manifests: readonly Manifest[]) =>
  manifests.filter((m) => WORKLOAD_KINDS.includes(m.kind));
const podSpec = (workload: Manifest) => workload.spec.template.spec;
const podLabels = (workload: Manifest): Record<string, string> => workload.spec.template.metadata.labels;
const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  selector !== undefined && Object.entries(selector).every(([key, value]) => labels[key] === value);
const sophiaService = (workload: Manifest) => SERVICES.find((s) => s.name === workload.metadata.name);

/** The environment a container really gets: its ConfigMaps first, then its own `env`. */
const effectiveEnv = (container: Container, manifests: readonly Manifest[]): Record<string, string> => {
  const fromMaps = (container.envFrom ?? []).flatMap((source) => {
    const map = manifests.find(
      (m) => m.kind === 'ConfigMap' && m.metadata.name === source.configMapRef?.name,
    );
    return Object.entries(map?.data ?? {});
  });
  const direct = (container.env ?? []).flatMap((e) =>
    e.value === undefined ? [] : [[e.name, e.value] as const],
  );
  return Object.fromEntries([...fromMaps, ...direct]);
};

const containerRules: Rule<Container & { pod: any }>[] = [
  [
    'requests cpu and memory',
    (c) => (c.resources?.requests?.cpu && c.resources?.requests?.memory ? undefined : 'no requests'),
  ],
  [
    'limits cpu and memory',
    (c) => (c.resources?.limits?.cpu && c.resources?.limits?.memory ? undefined : 'no limits'),
  ],
  [
    'liveness and readiness probes',
    (c) => (c.livenessProbe && c.readinessProbe ? undefined : 'missing a probe'),
  ],
  [
    'runs as non-root',
    (c) =>
      (c.securityContext?.runAsNonRoot ?? c.pod.securityContext?.runAsNonRoot) === true
        ? undefined
        : 'may run as root',
  ],
  [
    'read-only root filesystem',
    (c) => (c.securityContext?.readOnlyRootFilesystem === true ? undefined : 'writable root fs'),
  ],
  [
    'drops ALL capabilities, no privilege escalation',
    (c) =>
      c.securityContext?.capabilities?.drop?.includes('ALL') &&
      c.securityContext?.allowPrivilegeEscalation === false
        ? undefined
        : 'keeps privileges',
  ],
  [
    'pinned image tag',
    (c) =>
      /^[^:@]+(:[0-9A-Za-z_][0-9A-Za-z_.-]*)$/.test(c.image) && !c.image.endsWith(':latest')
        ? undefined
        : c.image,
  ],
  [
    'preStop shorter than the termination grace period',
    (c) => {
      const wait = c.lifecycle?.preStop?.sleep?.seconds;
      return wait !== undefined && c.pod.terminationGracePeriodSeconds > wait ? undefined : 'no drain window';
    },
  ],
];

/** Rules for Sophia's own services (not the embedding pool, which is a third-party image). */
const serviceContainerRules: Rule<Container & { pod: any; port: number }>[] = [
  [
    'probes /healthz and /readyz on the service port',
    (c) => {
      const http = c.ports?.find((p: any) => p.name === 'http');
      return c.livenessProbe?.httpGet?.path === '/healthz' &&
        c.readinessProbe?.httpGet?.path === '/readyz' &&
        c.livenessProbe.httpGet.port === 'http' &&
        c.readinessProbe.httpGet.port === 'http' &&
        http?.containerPort === c.port
        ? undefined
        : 'probes not on /healthz, /readyz at the service port';
    },
  ],
  [
    'a `metrics` port on 9464',
    (c) =>
      c.ports?.some((p: any) => p.name === 'metrics' && p.containerPort === METRICS_PORT)
        ? undefined
        : 'no metrics port',
  ],
  [
    'secrets only by reference',
    (c) => {
      const literal = (c.env ?? []).filter(
        (e) => /SECRET|PASSWORD|KEY|TOKEN|REDIS_URL/.test(e.name) && e.value !== undefined,
      );
      return literal.length ? `literal ${literal.map((e) => e.name).join(', ')}` : undefined;
    },
  ],
  [
    'binds 0.0.0.0',
    (c, { manifests }) =>
      effectiveEnv(c, manifests)['HOST'] === '0.0.0.0' ? undefined : 'HOST is not 0.0.0.0',
  ],
];

const workloadRules: Rule<Manifest>[] = [
  [
    'a PodDisruptionBudget',
    (w, { manifests }) =>
      manifests.some(
        (m) => m.kind === 'PodDisruptionBudget' && matches(m.spec.selector.matchLabels, podLabels(w)),
      )
        ? undefined
        : 'no PDB',
  ],
  [
    'its own NetworkPolicy',
    (w, { manifests }) =>
      manifests.some(
        (m) => m.kind === 'NetworkPolicy' && matches(m.spec.podSelector.matchLabels, podLabels(w)),
      )
        ? undefined
        : 'no NetworkPolicy',
  ],
  [
    'a Service and a ServiceMonitor scraping `metrics`',
    (w, { manifests }) => {
      const service = manifests.find((m) => m.kind === 'Service' && matches(m.spec.selector, podLabels(w)));
      const monitor = manifests.find(
        (m) => m.kind === 'ServiceMonitor' && matches(m.spec.selector.matchLabels, podLabels(w)),
      );
      return service?.spec.ports.some((p: any) => p.name === 'metrics') &&
        monitor?.spec.endpoints.every((e: any) => e.port === 'metrics')
        ? undefined
        : 'not scraped';
    },
  ],
  [
    'an autoscaler',
    (w, { manifests }) =>
      manifests.some(
        (m) =>
          (m.kind === 'HorizontalPodAutoscaler' || m.kind === 'ScaledObject') &&
          m.spec.scaleTargetRef.name === w.metadata.name &&
          m.spec.scaleTargetRef.kind === w.kind,
      )
        ? undefined
        : 'no HPA or ScaledObject',
  ],
  ['topology spread', (w) => (podSpec(w).topologySpreadConstraints?.length ? undefined : 'no spread')],
  [
    'no service account token',
    (w) => (podSpec(w).automountServiceAccountToken === false ? undefined : 'token mounted'),
  ],
];

/** In production, what the service supports must be on: production mode and redundancy. */
const productionRules: Rule<Manifest>[] = [
  [
    'SOPHIA_ENV=production',
    (w, { manifests }) => {
      if (!sophiaService(w)) return undefined;
      return podSpec(w).containers.every(
        (c: Container) => effectiveEnv(c, manifests)['SOPHIA_ENV'] === 'production',
      )
        ? undefined
        : 'not in production mode';
    },
  ],
  ['at least two replicas', (w) => (w.spec.replicas >= 2 ? undefined : `replicas ${w.spec.replicas}`)],
  [
    'autoscaler minimum of at least two',
    (w, { manifests }) => {
      const scaler = manifests.find((m) => m.spec?.scaleTargetRef?.name === w.metadata.name);
      const min = scaler?.spec.minReplicas ?? scaler?.spec.minReplicaCount;
      return min >= 2 ? undefined : `minimum ${min}`;
    },
  ],
];

const violations = <T>(rules: readonly Rule<T>[], subjects: readonly [string, T][], context: Context) =>
  rules.flatMap(([rule, check]) =>
    subjects.flatMap(([name, subject]) => {
      const problem = check(subject, context);
      return problem === undefined ? [] : [`${context.env} ${name}: ${rule}: ${problem}`];
    }),
  );

const containersOf = (manifests: readonly Manifest[]) =>
  workloads(manifests).flatMap((w) =>
    [...podSpec(w).containers].map(
      (c: Container) =>
        [
          `${w.kind}/${w.metadata.name}/${c.name}`,
          { ...c, pod: podSpec(w), port: sophiaService(w)?.port },
        ] as [string, any],
    ),
  );

describe.each(ENVIRONMENT_NAMES)('policy: %s', (env) => {
  const manifests = MANIFESTS.get(env)!;
  const context = { env, manifests };
  const named = (list: Manifest[]) =>
    list.map((m) => [`${m.kind}/${m.metadata.name}`, m] as [string, Manifest]);

  it('every container: requests, limits, probes, non-root, read-only root fs, no capabilities, pinned tag, drain', () => {
    expect(violations(containerRules, containersOf(manifests), context)).toEqual([]);
  });

  it('every Sophia container: probes on its port, metrics on 9464, secrets by reference, HOST=0.0.0.0', () => {
    const own = containersOf(manifests).filter(([, c]) => c.port !== undefined);
    expect(own).toHaveLength(SERVICES.length);
    expect(violations(serviceContainerRules, own, context)).toEqual([]);
  });

  it('every workload: PDB, NetworkPolicy, Service with ServiceMonitor, autoscaler, spread', () => {
    expect(violations(workloadRules, named(workloads(manifests)), context)).toEqual([]);
  });

  it('each service is its own workload running only its own image', () => {
    for (const service of SERVICES) {
      const own = workloads(manifests).filter((w) => podLabels(w)['app.kubernetes.io/name'] === service.name);
      expect(
        own.map((w) => w.metadata.name),
        service.name,
      ).toEqual([service.name]);
      const images = podSpec(own[0]!).containers.map((c: Container) => c.image.split(':')[0]);
      expect(images).toEqual([`ghcr.io/sophia-ai/sophia-${service.name}`]);
      expect(own[0]!.kind).toBe(service.canary ? 'Rollout' : 'Deployment');
    }
  });

  it('network: a default deny for the namespace, and no Secret objects or secret values anywhere', () => {
    expect(
      manifests.some(
        (m) =>
          m.kind === 'NetworkPolicy' &&
          Object.keys(m.spec.podSelector).length === 0 &&
          !m.spec.ingress &&
          !m.spec.egress,
      ),
    ).toBe(true);
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    const suspicious = manifests
      .filter((m) => m.kind === 'ConfigMap')
      .flatMap((m) =>
        Object.keys(m.data ?? {}).filter((key) => /SECRET|PASSWORD|API_KEY|TOKEN|REDIS_URL/.test(key)),
      );
    expect(suspicious).toEqual([]);
  });

  if (env === 'production') {
    it('production: SOPHIA_ENV=production and at least two replicas everywhere', () => {
      expect(violations(productionRules, named(workloads(manifests)), context)).toEqual([]);
    });
  }
});

describe('the rules catch what they are for', () => {
  const manifests = MANIFESTS.get('production')!;
  const context = { env: 'production' as const, manifests };
  const [[, sample]] = containersOf(manifests).filter(([, c]) => c.port !== undefined) as [[string, any]];

  it.each<[string, (c: any) => void]>([
    ['requests cpu and memory', (c) => delete c.resources.requests],
    ['limits cpu and memory', (c) => delete c.resources.limits.memory],
    ['liveness and readiness probes', (c) => delete c.readinessProbe],
    [
      'runs as non-root',
      (c) => {
        c.securityContext.runAsNonRoot = false;
        c.pod = { ...c.pod, securityContext: {} };
      },
    ],
    ['read-only root filesystem', (c) => (c.securityContext.readOnlyRootFilesystem = false)],
    ['drops ALL capabilities, no privilege escalation', (c) => (c.securityContext.capabilities.drop = [])],
    ['pinned image tag', (c) => (c.image = c.image.replace(/:.*$/, ':latest'))],
    [
      'preStop shorter than the termination grace period',
      (c) => (c.pod = { ...c.pod, terminationGracePeriodSeconds: 1 }),
    ],
    ['probes /healthz and /readyz on the service port', (c) => (c.readinessProbe.httpGet.path = '/healthz')],
    ['secrets only by reference', (c) => c.env.push({ name: 'JWT_SECRET', value: 'x'.repeat(40) })],
    ['binds 0.0.0.0', (c) => (c.envFrom = [])],
  ])('%s', (rule, breakIt) => {
    const broken = structuredClone(sample);
    breakIt(broken);
    const all = [...containerRules, ...serviceContainerRules].filter(([name]) => name === rule);
    expect(all).toHaveLength(1);
    expect(violations(all as Rule<any>[], [['sample', broken]], context)).toHaveLength(1);
    expect(violations(all as Rule<any>[], [['sample', structuredClone(sample)]], context)).toEqual([]);
  });

  it('a workload without its PDB, NetworkPolicy or enough replicas fails', () => {
    const workload = workloads(manifests).find((w) => w.metadata.name === 'kpi')!;
    const without = {
      env: 'production' as const,
      manifests: manifests.filter(
        (m) => !(['PodDisruptionBudget', 'NetworkPolicy'].includes(m.kind) && m.metadata.name === 'kpi'),
      ),
    };
    expect(violations(workloadRules, [['kpi', workload]], without).map((v) => v.split(': ')[1])).toEqual([
      'a PodDisruptionBudget',
      'its own NetworkPolicy',
    ]);
    const single = { ...workload, spec: { ...workload.spec, replicas: 1 } };
    expect(violations(productionRules, [['kpi', single]], context)).toEqual([
      'production kpi: at least two replicas: replicas 1',
    ]);
  });
});
