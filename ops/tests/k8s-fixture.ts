import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { ENVIRONMENT_NAMES } from '../k8s/environments.ts';
import type { EnvironmentName } from '../k8s/services.ts';

export const RENDERED_DIR = fileURLToPath(new URL('../k8s/rendered/', import.meta.url));

/** A rendered object as YAML gives it back: the committed manifests, not the renderer's objects. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // Each rule reads the fields of the kind it checks.
  spec?: any;
  data?: Record<string, string>;
  [field: string]: unknown;
}

export const renderedFiles = (env: EnvironmentName): string[] => readdirSync(join(RENDERED_DIR, env)).sort();

export const readRendered = (env: EnvironmentName, file: string) =>
  readFileSync(join(RENDERED_DIR, env, file), 'utf8');

export const loadManifests = (env: EnvironmentName): Manifest[] =>
  renderedFiles(env).flatMap((file) =>
    parseAllDocuments(readRendered(env, file)).map((document) => document.toJS() as Manifest),
  );

export const MANIFESTS: ReadonlyMap<EnvironmentName, Manifest[]> = new Map(
  ENVIRONMENT_NAMES.map((env) => [env, loadManifests(env)]),
);
