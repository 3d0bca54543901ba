import { writeFileSync } from 'node:fs';
import { sophiaDashboards } from './dashboards.ts';

/** The dashboards as committed: pretty JSON, one file each (a test fails when these go stale). */
export function renderDashboards(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(sophiaDashboards()).map(([file, board]) => [file, `${JSON.stringify(board, null, 2)}\n`]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, text] of Object.entries(renderDashboards())) {
    writeFileSync(new URL(file, import.meta.url), text);
    console.log(`ops/observability/grafana/${file}`);
  }
}
