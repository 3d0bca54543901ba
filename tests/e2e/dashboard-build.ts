import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../../ops/src/repo-path.ts';

/** Newest modification time under a folder (files only). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Builds web/dist when it is missing or older than the dashboard's sources, so the gateway serves what
 * the tests are about. ops/bin/test.sh builds first; this only covers running the e2e tests alone.
 */
export function ensureDashboardBuilt(): void {
  const index = repoPath('web/dist/index.html');
  const sources = Math.max(newest(repoPath('web/src')), statSync(repoPath('web/index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  // A test runner sets NODE_ENV=test, which would bundle React's development build.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: repoPath('web'),
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
