import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate, ValidationSeverity } from 'dockerfile-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleImage, NATIVE_PACKAGES, ROOT } from '../docker/assemble.ts';
import { SERVICES, type ServiceName } from '../k8s/services.ts';

/**
 * Proof that each image would run: its file set is assembled exactly as the Dockerfile assembles it (the same
 * ops/docker/assemble.ts), then the service starts from that folder alone — plain `node dist/index.js`, no
 * TypeScript loader, no repository around it — in production mode, answers /healthz, and drains on SIGTERM.
 */
const DOCKERFILE = join(ROOT, 'ops/docker/Dockerfile');
const dockerfile = readFileSync(DOCKERFILE, 'utf8');
const NODE_IMAGE = /^node:20\.\d+\.\d+-bookworm-slim$/;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const secret = () => randomBytes(32).toString('base64url');

interface Started {
  readonly dir: string;
  readonly port: number;
  readonly process: ChildProcess;
  readonly exit: Promise<number | null>;
  output: string;
}

const work = mkdtempSync(join(tmpdir(), 'sophia-images-'));
const started = new Map<ServiceName, Started>();

async function startFromFolder(service: ServiceName): Promise<Started> {
  const dir = join(work, service);
  await assembleImage(service, dir);
  const [port, metricsPort] = [await freePort(), await freePort()];
  // Only what the image and its manifests give it: no PATH into the repository, no NODE_OPTIONS.
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    SOPHIA_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    METRICS_PORT: String(metricsPort),
    SOPHIA_DATA_DIR: join(work, `${service}-data`),
    INTERNAL_TOKEN_SECRET: secret(),
    API_KEY_PEPPER: secret(),
    LOG_LEVEL: 'warn',
    ...(service === 'gateway'
      ? { JWT_SECRET: secret(), JWT_ISSUER: 'https://id.sophia.test/', JWT_AUDIENCE: 'sophia' }
      : {}),
  };
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/index.js'], { cwd: dir, env });
  const entry: Started = {
    dir,
    port,
    process: child,
    exit: new Promise((resolve) => child.on('exit', resolve)),
    output: '',
  };
  child.stdout.on('data', (chunk: Buffer) => (entry.output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (entry.output += chunk.toString()));
  return entry;
}

/** Polls /healthz until it answers 200, or fails as soon as the process has exited. */
async function healthy(entry: Started): Promise<number> {
  let exited = false;
  void entry.exit.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`exited before it was healthy:\n${entry.output}`);
    const response = await fetch(`http://127.0.0.1:${entry.port}/healthz`).catch(() => undefined);
    if (response?.ok) return response.status;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  // The gateway's image carries the dashboard; the Dockerfile builds it in its `web` stage.
  const built = spawnSync('bash', ['-c', 'source web/ensure-built.sh'], { cwd: ROOT, stdio: 'inherit' });
  expect(built.status).toBe(0);
  const entries = await Promise.all(SERVICES.map((service) => startFromFolder(service.name)));
  SERVICES.forEach((service, index) => started.set(service.name, entries[index]!));
  // Bundling six services and copying their native packages outlasts the project's default hook timeout on a
  // busy machine; this is a safety net against a hang, not a speed check.
}, 600_000);

afterAll(async () => {
  for (const entry of started.values()) entry.process.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('images', () => {
  it('the Dockerfile passes dockerfilelint and dockerfile-utils, and both catch a broken one', () => {
    const settings = {
      deprecatedMaintainer: ValidationSeverity.ERROR,
      instructionCasing: ValidationSeverity.ERROR,
      instructionCmdMultiple: ValidationSeverity.ERROR,
      instructionHealthcheckMultiple: ValidationSeverity.ERROR,
      instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
      instructionWorkdirRelative: ValidationSeverity.ERROR,
    };
    expect(validate(dockerfile, settings)).toEqual([]);
    expect(validate(dockerfile.replace('WORKDIR /app', 'WORKDIR app'), settings)).not.toEqual([]);
    const lint = (file: string) =>
      spawnSync(process.execPath, [join(ROOT, 'node_modules/dockerfilelint/bin/dockerfilelint'), file], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    expect(lint(DOCKERFILE).status).toBe(0);
    const broken = join(work, 'ops-docker-broken', 'Dockerfile');
    const brokenDir = join(work, 'ops-docker-broken');
    rmSync(brokenDir, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', brokenDir]);
    writeFileSync(broken, dockerfile.replace('WORKDIR /app', 'RUN apt-get install -y curl\nWORKDIR /app'));
    expect(lint(broken).status).not.toBe(0);
  });

  it('multi-stage from the pinned slim node image; runs as `node`, with a HEALTHCHECK and SIGTERM', () => {
    const stages = [...dockerfile.matchAll(/^FROM (\S+) AS (\S+)$/gm)].map(([, from, name]) => ({
      from,
      name,
    }));
    const names = new Set(stages.map((stage) => stage.name));
    for (const { from } of stages) expect(names.has(from!) || NODE_IMAGE.test(from!), from).toBe(true);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .* CMD \["node", "\/app\/healthcheck\.mjs"\]$/m);
    expect(dockerfile).toMatch(/^STOPSIGNAL SIGTERM$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "--enable-source-maps", "dist\/index\.js"\]$/m);
  });

  it.each(SERVICES.map((service) => [service.name, service] as const))(
    '%s: a target assembled by ops/docker/assemble.ts, on its port',
    (name, service) => {
      const stage = (label: string) =>
        dockerfile.split(/^FROM /m).find((block) => block.includes(` AS ${label}\n`))!;
      expect(stage(`files-${name}`)).toContain(`RUN npx tsx ops/docker/assemble.ts ${name} /out`);
      expect(stage(name)).toMatch(/^runtime AS /);
      expect(stage(name)).toContain(`COPY --from=files-${name} /out /app`);
      expect(stage(name)).toContain(`ENV PORT=${service.port}`);
    },
  );

  it.each(SERVICES.map((service) => service.name))(
    '%s: its folder holds compiled JavaScript plus native packages, and the service starts from it',
    async (name) => {
      const entry = started.get(name)!;
      const files = readdirSync(entry.dir, { recursive: true, encoding: 'utf8' });
      // Sophia's code is compiled; only third-party packages may ship TypeScript sources beside their builds.
      const own = files.filter((file) => !file.startsWith('node_modules'));
      expect(own.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file))).toEqual([]);
      expect(own).toContain(join('dist', 'index.js'));
      const packages = readdirSync(join(entry.dir, 'node_modules')).flatMap((scope) =>
        scope.startsWith('@')
          ? readdirSync(join(entry.dir, 'node_modules', scope)).map((p) => `${scope}/${p}`)
          : [scope],
      );
      expect(packages.some((p) => NATIVE_PACKAGES.includes(p))).toBe(true);
      expect(packages.filter((p) => p.startsWith('@sophia/'))).toEqual([]);
      expect(await healthy(entry)).toBe(200);
      const check = spawnSync(process.execPath, ['healthcheck.mjs'], {
        cwd: entry.dir,
        env: { PORT: String(entry.port) },
      });
      expect(check.status).toBe(0);
    },
  );

  it('the gateway image serves the dashboard and the supergraph from its own folder', async () => {
    const entry = started.get('gateway')!;
    expect(existsSync(join(entry.dir, 'web/dist/index.html'))).toBe(true);
    await healthy(entry);
    const page = await fetch(`http://127.0.0.1:${entry.port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"');
  });

  it.each(SERVICES.map((service) => service.name))('%s: exits 0 on SIGTERM', async (name) => {
    const entry = started.get(name)!;
    await healthy(entry);
    entry.process.kill('SIGTERM');
    expect(await entry.exit).toBe(0);
  });
});
