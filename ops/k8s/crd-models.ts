import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** CRDs that no npm model package ships; their typed, validating models are generated from the YAML here. */
export const CRD_FILES = [fileURLToPath(new URL('./crds/secretproviderclass.yaml', import.meta.url))];
export const GENERATED_DIR = fileURLToPath(new URL('./__generated__/', import.meta.url));
export const GENERATED_MODEL = 'secrets-store.csi.x-k8s.io/v1/SecretProviderClass.ts';

/**
 * Runs crd-generate into `outputPath`, then makes its output fit this ESM project: relative imports get their
 * file extension, type imports are marked, the barrel files (unused, extensionless) go, and the model skips
 * strict type checks.
 */
export function generateCrdModels(outputPath: string): void {
  rmSync(outputPath, { recursive: true, force: true });
  // The CLI in its own Node process: under a TypeScript loader its ajv plugins resolve to a second copy and fail.
  const cli = join(
    dirname(createRequire(import.meta.url).resolve('@kubernetes-models/crd-generate')),
    '../bin/crd-generate.js',
  );
  execFileSync(
    process.execPath,
    [cli, ...CRD_FILES.flatMap((file) => ['--input', file]), '--output', outputPath],
    {
      stdio: 'ignore',
    },
  );
  for (const barrel of [
    'index.ts',
    'secrets-store.csi.x-k8s.io/index.ts',
    'secrets-store.csi.x-k8s.io/v1/index.ts',
  ]) {
    rmSync(join(outputPath, barrel), { force: true });
  }
  const model = join(outputPath, GENERATED_MODEL);
  const source = readFileSync(model, 'utf8')
    .replace(/(_schemas\/[A-Za-z0-9]+)"/g, '$1.js"')
    // Type-only imports must say so, or the loader looks for them at run time.
    .replace(/import \{ (I[A-Za-z]+|ValidateFunc) \}/g, 'import type { $1 }')
    .replace('ModelData,', 'type ModelData,');
  // Generated for a looser compiler setting than this project's strictest; checked by its schema instead.
  writeFileSync(model, `// @ts-nocheck\n${source}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generateCrdModels(GENERATED_DIR);
