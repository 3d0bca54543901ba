import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_NAMES } from '../k8s/environments.ts';
import { GENERATED_DIR, GENERATED_MODEL, generateCrdModels } from '../k8s/crd-models.ts';
import { validateManifest } from '../k8s/models.ts';
import { renderEnvironment, toYaml } from '../k8s/render.ts';
import { MANIFESTS, readRendered, renderedFiles } from './k8s-fixture.ts';

describe('rendered Kubernetes manifests', () => {
  it.each(ENVIRONMENT_NAMES)('%s: ops/k8s/rendered matches the renderer (run `npm run render`)', (env) => {
    const files = renderEnvironment(env);
    expect(renderedFiles(env)).toEqual(files.map((file) => file.name).sort());
    for (const file of files) expect(readRendered(env, file.name), file.name).toBe(toYaml(file));
  });

  it.each(ENVIRONMENT_NAMES)('%s: every committed object passes its schema, CRDs included', (env) => {
    const kinds = new Set<string>();
    for (const manifest of MANIFESTS.get(env)!) {
      expect(() => validateManifest(manifest), `${manifest.kind}/${manifest.metadata.name}`).not.toThrow();
      kinds.add(manifest.kind);
    }
    expect([...kinds].sort()).toEqual(
      [
        'AnalysisTemplate',
        'AuthorizationPolicy',
        'ConfigMap',
        'Deployment',
        'DestinationRule',
        'HorizontalPodAutoscaler',
        'Ingress',
        'Namespace',
        'NetworkPolicy',
        'PodDisruptionBudget',
        'Rollout',
        'ScaledObject',
        'SecretProviderClass',
        'Service',
        'ServiceAccount',
        'ServiceMonitor',
        'VirtualService',
      ].sort(),
    );
  });

  it('the schemas reject wrong types and missing required fields', () => {
    const production = MANIFESTS.get('production')!;
    const find = (kind: string) => structuredClone(production.find((manifest) => manifest.kind === kind)!);
    const broken = [
      { ...find('Deployment'), spec: { ...find('Deployment').spec, replicas: 'two' } },
      {
        ...find('HorizontalPodAutoscaler'),
        spec: { ...find('HorizontalPodAutoscaler').spec, maxReplicas: 'ten' },
      },
      { ...find('VirtualService'), spec: { ...find('VirtualService').spec, hosts: 'gateway' } },
      {
        ...find('Rollout'),
        spec: { ...find('Rollout').spec, strategy: { canary: { steps: [{ setWeight: 'x' }] } } },
      },
      { ...find('ScaledObject'), spec: { triggers: [] } },
      { ...find('SecretProviderClass'), spec: { provider: 42 } },
      { ...find('ServiceMonitor'), spec: { endpoints: 'metrics' } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'not-sophia-s' } },
    ];
    for (const manifest of broken) {
      expect(() => validateManifest(manifest), `${manifest.kind}`).toThrow();
    }
  });

  it('the SecretProviderClass model matches its CRD (run `npm run crd-models`)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sophia-crd-'));
    try {
      generateCrdModels(dir);
      const files = (root: string) =>
        readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(
        files(dir)
          .map((e) => e.name)
          .sort(),
      ).toEqual(
        files(GENERATED_DIR)
          .map((e) => e.name)
          .sort(),
      );
      for (const relative of [GENERATED_MODEL]) {
        expect(readFileSync(join(GENERATED_DIR, relative), 'utf8')).toBe(
          readFileSync(join(dir, relative), 'utf8'),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
