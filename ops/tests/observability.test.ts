import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDashboards } from '../observability/grafana/write-dashboards.ts';
import { repoPath } from '../src/repo-path.ts';

const PROMETHEUS_DIR = repoPath('ops/observability/prometheus');
const GRAFANA_DIR = repoPath('ops/observability/grafana');

function promtool(...args: string[]) {
  const run = spawnSync('promtool', args, { cwd: PROMETHEUS_DIR, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Every `sophia_…` metric a service registers (its `name:` in a prom-client constructor). */
function registeredMetrics(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '__generated__') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        for (const [, name] of readFileSync(path, 'utf8').matchAll(/name: '(sophia_[a-z0-9_]+)'/g))
          names.add(name!);
      }
    }
  };
  walk(repoPath('gateway/src'));
  walk(repoPath('subgraphs'));
  return names;
}

/** The metric names an expression reads, without histogram suffixes; recorded series (`a:b:c`) excluded. */
const metricsIn = (text: string) =>
  [...text.matchAll(/\b(sophia_[a-z0-9_]+)/g)].map(([, name]) => name!.replace(/_(bucket|count|sum)$/, ''));

describe('observability as code', () => {
  it('has valid recording and alert rules whose promtool unit tests pass', () => {
    const check = promtool('check', 'rules', 'recording-rules.yml', 'alert-rules.yml');
    expect(check.output).toContain('SUCCESS');
    expect(check.status).toBe(0);
    const tests = readdirSync(join(PROMETHEUS_DIR, 'tests')).filter((file) => file.endsWith('.test.yml'));
    expect(tests.length).toBeGreaterThanOrEqual(3);
    const run = promtool('test', 'rules', ...tests.map((file) => `tests/${file}`));
    expect(run.output).not.toContain('FAILED');
    expect(run.status).toBe(0);
  });

  it('commits the dashboards exactly as the generator builds them', () => {
    for (const [file, text] of Object.entries(renderDashboards())) {
      const committed = JSON.parse(readFileSync(join(GRAFANA_DIR, file), 'utf8'));
      expect(committed, `${file} is stale: run npm run observability:dashboards`).toEqual(JSON.parse(text));
    }
  });

  it('reads only metrics the services register (default Node metrics aside)', () => {
    const registered = registeredMetrics();
    const rules = ['recording-rules.yml', 'alert-rules.yml'].map((f) =>
      readFileSync(join(PROMETHEUS_DIR, f), 'utf8'),
    );
    const boards = Object.values(renderDashboards());
    const unknown = [...new Set([...rules, ...boards].flatMap(metricsIn))].filter(
      (name) => !registered.has(name) && !name.startsWith('sophia_nodejs_'),
    );
    expect(unknown).toEqual([]);
  });
});
