import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { serviceByName, type ServiceName } from '../k8s/services.ts';

/**
 * The files of one service's image, assembled into `outDir` — the Dockerfile runs exactly this (`RUN npx tsx
 * ops/docker/assemble.ts <service> /out`) and the image tests run it too, then start the service from `outDir`
 * alone. The service and the workspace code it imports are bundled into `dist/index.js` (plain JavaScript: no
 * TypeScript loader at run time); only packages with native code stay outside the bundle, copied with their
 * own dependencies into `node_modules` — the image's whole production install.
 */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Packages that load a compiled addon from their own directory, so they cannot be bundled. */
export const NATIVE_PACKAGES = ['@duckdb/node-api', '@duckdb/node-bindings', 'usearch'];

const workspaceOf = (service: ServiceName) => (service === 'gateway' ? 'gateway' : `subgraphs/${service}`);

/** Some bundled CommonJS code calls require(); an ES module bundle needs one made for it. */
const BANNER = [
  "import { createRequire as __sophiaCreateRequire } from 'node:module';",
  'const require = __sophiaCreateRequire(import.meta.url);',
].join('\n');

/** Copies a package and, recursively, every dependency it declares that is installed (optional ones included). */
function copyPackage(name: string, from: string, outDir: string, copied: Set<string>): void {
  let manifestPath: string;
  try {
    manifestPath = createRequire(join(from, 'noop.js')).resolve(`${name}/package.json`);
  } catch {
    const entry = (() => {
      try {
        return createRequire(join(from, 'noop.js')).resolve(name);
      } catch {
        return undefined;
      }
    })();
    if (!entry) return; // an optional dependency for another platform
    let dir = dirname(entry);
    while (!existsSync(join(dir, 'package.json')) || !dir.endsWith(name)) dir = dirname(dir);
    manifestPath = join(dir, 'package.json');
  }
  const dir = dirname(manifestPath);
  if (copied.has(dir)) return;
  copied.add(dir);
  const target = join(outDir, relative(ROOT, dir));
  cpSync(dir, target, { recursive: true, dereference: true });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
    copyPackage(dependency, dir, outDir, copied);
  }
}

export interface AssembleOptions {
  /** The built dashboard (gateway only); default web/dist. */
  readonly webDist?: string;
}

export async function assembleImage(service: ServiceName, outDir: string, options: AssembleOptions = {}) {
  const spec = serviceByName(service);
  const workspace = join(ROOT, workspaceOf(service));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'dist'), { recursive: true });

  const result = await build({
    entryPoints: [join(workspace, 'src/index.ts')],
    outfile: join(outDir, 'dist/index.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: NATIVE_PACKAGES,
    banner: { js: BANNER },
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });

  const copied = new Set<string>();
  for (const name of NATIVE_PACKAGES) {
    const imported = Object.values(result.metafile.outputs).some((output) =>
      output.imports.some((entry) => entry.path === name || entry.path.startsWith(`${name}/`)),
    );
    if (imported) copyPackage(name, workspace, outDir, copied);
  }

  // Files the code reads next to itself (`new URL('./schema.graphql', import.meta.url)`).
  const schema = join(workspace, 'src/schema.graphql');
  if (existsSync(schema)) cpSync(schema, join(outDir, 'dist/schema.graphql'));
  if (spec.role === 'gateway') {
    cpSync(join(ROOT, 'schema/supergraph.graphql'), join(outDir, 'schema/supergraph.graphql'));
    cpSync(join(ROOT, 'schema/operations'), join(outDir, 'schema/operations'), { recursive: true });
    cpSync(options.webDist ?? join(ROOT, 'web/dist'), join(outDir, 'web/dist'), { recursive: true });
  }
  cpSync(join(ROOT, 'ops/docker/healthcheck.mjs'), join(outDir, 'healthcheck.mjs'));
  writeFileSync(
    join(outDir, 'package.json'),
    `${JSON.stringify({ name: `sophia-${service}`, private: true, type: 'module', main: 'dist/index.js' }, null, 2)}\n`,
  );
  return { packages: [...copied].map((dir) => relative(join(ROOT, 'node_modules'), dir)).sort() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [service, outDir] = process.argv.slice(2);
  if (!service || !outDir) throw new Error('usage: assemble.ts <service> <out-dir>');
  const { packages } = await assembleImage(service as ServiceName, outDir);
  console.log(`sophia-${service}: dist/index.js, node_modules: ${packages.join(', ') || 'none'}`);
}
