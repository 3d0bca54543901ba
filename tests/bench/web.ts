#!/usr/bin/env -S npx tsx
/**
 * `npm run bench:web [-- --loads 9]`: the dashboard's production build and how fast it shows numbers.
 * Reports the production build's JavaScript gzipped (bytes: the first load's and the whole build's) and the
 * time from navigation start until the Executive Overview shows its KPI values (p50 and p90 of several
 * cold loads, each in a fresh browser context, signed in already), against the whole stack as processes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { repoPath } from '../../ops/src/repo-path.ts';
import { launchChromium } from '../e2e/browser.ts';
import { ensureDashboardBuilt } from '../e2e/dashboard-build.ts';
import { startTestStack } from '../integration/stack-fixture.ts';
import { percentile, table } from './report.ts';

const { values } = parseArgs({ options: { loads: { type: 'string', default: '9' } } });
const LOADS = Number(values.loads);

ensureDashboardBuilt();
const assets = repoPath('web/dist/assets');
const gzipped = (name: string) => gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;
const sum = (names: readonly string[], size: (name: string) => number) =>
  names.reduce((total, name) => total + size(name), 0);
const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
// What the first page load fetches: index.html's module script and its modulepreloads (the other tabs and
// the chart library load later).
const initial = [
  ...readFileSync(repoPath('web/dist/index.html'), 'utf8').matchAll(/"\/assets\/([^"]+\.js)"/g),
].map((match) => match[1]!);
const rawSize = (name: string) => readFileSync(join(assets, name)).length;

const stack = await startTestStack();
const browser = await launchChromium();
try {
  const login = await fetch(`${stack.gateway.url}/auth/dev-login`, { method: 'POST' });
  const session = JSON.stringify(await login.json());
  const timings: number[] = [];
  // The first load warms the gateway's and subgraphs' caches and query plans; it is not counted.
  for (let i = 0; i <= LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    // Scripts that run in the page are strings: this file is typed for Node, without the DOM.
    await context.addInitScript({
      content: `localStorage.setItem('sophia.session', ${JSON.stringify(session)})`,
    });
    const page = await context.newPage();
    await page.goto(stack.gateway.url);
    await page.waitForFunction(
      `(() => {
        const values = document.querySelectorAll('[data-testid="kpi-value"]');
        return values.length > 0 && [...values].every((value) => value.textContent !== '');
      })()`,
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    const shownAt = (await page.evaluate('performance.now()')) as number;
    if (i > 0) timings.push(shownAt);
    await context.close();
  }
  timings.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    `\n${table(
      ['measure', 'value'],
      [
        [`JavaScript of the first load (${initial.length} files), gzipped`, `${sum(initial, gzipped)} bytes`],
        [`JavaScript of the first load, minified`, `${sum(initial, rawSize)} bytes`],
        [
          `JavaScript of the whole build (${scripts.length} files), gzipped`,
          `${sum(scripts, gzipped)} bytes`,
        ],
        [`overview shows its numbers, p50 of ${LOADS} loads`, ms(percentile(timings, 0.5))],
        [`overview shows its numbers, p90 of ${LOADS} loads`, ms(percentile(timings, 0.9))],
      ],
    )}\n`,
  );
} finally {
  await browser.close();
  await stack.stop();
}
