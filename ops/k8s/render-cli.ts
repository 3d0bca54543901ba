import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENT_NAMES } from './environments.ts';
import { renderEnvironment, toYaml } from './render.ts';

/** `npm run render`: writes ops/k8s/rendered/<env>/*.yaml, the manifests that are committed and applied. */
export const RENDERED_DIR = new URL('./rendered/', import.meta.url);

for (const name of ENVIRONMENT_NAMES) {
  const dir = join(RENDERED_DIR.pathname, name);
  mkdirSync(dir, { recursive: true });
  const files = renderEnvironment(name);
  for (const stale of readdirSync(dir))
    if (!files.some((file) => file.name === stale)) rmSync(join(dir, stale));
  for (const file of files) {
    for (const object of file.objects) object.validate();
    writeFileSync(join(dir, file.name), toYaml(file));
  }
  console.log(`ops/k8s/rendered/${name}: ${files.length} files`);
}
