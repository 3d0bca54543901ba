import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../k8s/services.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const DCLINT = join(dirname(createRequire(import.meta.url).resolve('dclint/package.json')), 'bin/dclint.cjs');

/** dclint: the current compose-spec schema plus its rules, configured in .dclintrc at the repository root. */
const dclint = (file: string) => spawnSync(process.execPath, [DCLINT, file], { cwd: ROOT, encoding: 'utf8' });

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; target: string };
  environment?: Record<string, string>;
  read_only?: boolean;
  user?: string;
  profiles?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
}
const compose = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

describe('docker-compose.yml', () => {
  it('passes dclint (compose-spec schema and rules), and docker-compose config where it is installed', () => {
    const result = dclint(COMPOSE_FILE);
    expect(result.stdout + result.stderr).not.toMatch(/error/);
    expect(result.status).toBe(0);
    const dockerCompose = spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config', '-q'], { cwd: ROOT });
    if (dockerCompose.error === undefined) expect(dockerCompose.status).toBe(0);
  });

  it('dclint rejects a file that breaks the schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sophia-compose-'));
    try {
      const broken = join(dir, 'docker-compose.yml');
      writeFileSync(
        broken,
        readFileSync(COMPOSE_FILE, 'utf8').replace('read_only: true', 'read_only: [yes]'),
      );
      expect(dclint(broken).status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(SERVICES.map((service) => [service.name, service] as const))(
    '%s: built from its Dockerfile target, on its port, read-only and non-root, in development mode',
    (name, service) => {
      const entry = compose.services[name]!;
      expect(entry.build).toEqual({ context: '.', dockerfile: 'ops/docker/Dockerfile', target: name });
      expect(entry.image).toMatch(new RegExp(`^sophia-${name}:\\d+\\.\\d+\\.\\d+$`));
      expect(entry.environment).toMatchObject({
        PORT: String(service.port),
        HOST: '0.0.0.0',
        SOPHIA_ENV: 'development',
      });
      expect(entry.read_only).toBe(true);
      expect(entry.user).toBe('1000:1000');
    },
  );

  it('the gateway reaches every subgraph by its compose name and port, and waits for them to be healthy', () => {
    const gateway = compose.services['gateway']!;
    const urls = gateway.environment!['SUBGRAPH_URLS']!.split(',');
    const subgraphs = SERVICES.filter((service) => service.role === 'subgraph');
    expect(urls.sort()).toEqual(subgraphs.map((s) => `${s.name}=http://${s.name}:${s.port}/graphql`).sort());
    for (const subgraph of subgraphs) {
      expect((gateway.depends_on as Record<string, { condition: string }>)[subgraph.name]).toEqual({
        condition: 'service_healthy',
      });
    }
  });

  it('runs Redis, the OpenTelemetry collector, Jaeger, Prometheus and Grafana; TEI only in the gpu profile', () => {
    for (const name of ['redis', 'otel-collector', 'jaeger', 'prometheus', 'grafana']) {
      expect(compose.services[name]?.image, name).toMatch(/:[0-9v][\w.-]*$/);
      expect(compose.services[name]?.profiles, name).toBeUndefined();
    }
    expect(compose.services['tei']?.profiles).toEqual(['gpu']);
    const prometheus = readFileSync(join(ROOT, 'ops/docker/compose/prometheus.yml'), 'utf8');
    for (const service of SERVICES) expect(prometheus).toContain(`'${service.name}:${service.port}'`);
  });
});
