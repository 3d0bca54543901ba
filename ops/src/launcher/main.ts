import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLauncherConfig } from './env.ts';
import { resolveDemoAnchor } from './demo-anchor.ts';
import { formatLogLine } from './log-format.ts';
import { isPortFree } from './ports.ts';
import { seedDemo, sharedSchemaProblem, storeLocation } from '../seed/seed-demo.ts';
import { GATEWAY_PORT, SUBGRAPHS, startStack, type Stack } from './stack.ts';

/** `npm start`: the five subgraphs and the gateway as separate processes, stopped together on Ctrl-C. */
async function main(): Promise<void> {
  const config = loadLauncherConfig();
  const dataDir = resolve(config.SOPHIA_DATA_DIR);
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    fail(
      `Data directory ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code}). Set SOPHIA_DATA_DIR.`,
    );
  }

  // Every service gets the same environment here: one SNOWFLAKE_SCHEMA would put all five stores in it.
  const shared = sharedSchemaProblem(config);
  if (shared) fail(shared);

  const ports = {
    gateway: GATEWAY_PORT,
    ...Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.port])),
  } as Parameters<typeof startStack>[0]['ports'];
  const busy: string[] = [];
  for (const [name, port] of Object.entries(ports)) {
    if (!(await isPortFree(port))) busy.push(`${port} (${name})`);
  }
  if (busy.length)
    fail(`Port ${busy.join(', ')} already in use: stop what holds it (another Sophia?) and retry.`);

  const production =
    (config.SOPHIA_ENV ?? (config.NODE_ENV === 'production' ? 'production' : 'development')) === 'production';
  const today = new Date().toISOString().slice(0, 10);
  // Development shows the demo company: loaded into an empty data dir before the services open it. Production
  // starts on the data dir as it is (empty until `npm run import`).
  const demo = production
    ? null
    : resolveDemoAnchor(
        dataDir,
        {
          ...(config.SOPHIA_DEMO_SEED !== undefined ? { seed: config.SOPHIA_DEMO_SEED } : {}),
          ...(config.SOPHIA_DEMO_ANCHOR !== undefined ? { anchor: config.SOPHIA_DEMO_ANCHOR } : {}),
        },
        today,
      );
  if (demo) {
    const seeded = await seedDemo({
      dataDir,
      seed: demo.seed,
      anchor: demo.anchor,
      unlessImported: true,
      snowflake: config,
    });
    if (seeded.seeded.length > 0) console.log(`Loaded the demo company into ${seeded.seeded.join(', ')}.`);
    if (seeded.imported.length > 0)
      console.log(`Imported data found (${seeded.imported.join(', ')}): no demo loaded.`);
  }
  const sink =
    config.SOPHIA_LOG_FORMAT === 'json'
      ? (_service: string, line: string) => console.log(line)
      : (service: string, line: string) => console.log(formatLogLine(service, line));

  const where = storeLocation(dataDir, config);
  console.log(
    demo
      ? `Starting Sophia (demo data as of ${demo.anchor}, seed ${demo.seed}, data in ${where}) …`
      : `Starting Sophia (production, data in ${where}) …`,
  );
  let stack: Stack;
  try {
    stack = await startStack({
      ports,
      env: {
        SOPHIA_DATA_DIR: dataDir,
        ...(demo ? { SOPHIA_DEMO_SEED: String(demo.seed), SOPHIA_DEMO_ANCHOR: demo.anchor } : {}),
      },
      sink,
    });
  } catch (error) {
    fail((error as Error).message);
  }

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('\nStopping Sophia …');
    await stack.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  for (const service of [stack.gateway, ...Object.values(stack.subgraphs)]) {
    void service.whenExited().then((code) => {
      if (!stopping)
        console.error(`${service.spec.name} stopped unexpectedly (exit ${code}); the rest keeps running.`);
    });
  }
  printBanner(ports);
}

function printBanner(ports: Record<string, number>): void {
  const gateway = `http://localhost:${ports['gateway']}`;
  console.log(`
Sophia is running.

  GraphQL + Apollo Sandbox  ${gateway}/graphql
  Health                    ${gateway}/healthz   ${gateway}/readyz   ${gateway}/metrics
  Subgraphs                 ${SUBGRAPHS.map((s) => `${s.name} :${ports[s.name]}`).join('   ')}

Demo login (the chief executive; pass {"email": …} for another demo user):
  TOKEN=$(curl -s -X POST ${gateway}/auth/dev-login | sed -E 's/.*"token":"([^"]+)".*/\\1/')
  curl -s ${gateway}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"query":"{ me { name title } kpiCards(period: \\"Q3\\") { metric { name } value change status } }"}'

Press Ctrl-C to stop.
`);
}

function fail(message: string): never {
  console.error(`sophia: ${message}`);
  process.exit(1);
}

await main();
