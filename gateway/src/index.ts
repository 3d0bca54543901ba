#!/usr/bin/env -S npx tsx
import { parseArgs } from 'node:util';
import { runService } from '@sophia/kit';
import { loadGatewayConfig } from './env.ts';
import { createGateway } from './gateway.ts';

/** `sophia-gateway [--supergraph <path>] [--port <n>]`: flags win over SUPERGRAPH_PATH and PORT. */
const { values } = parseArgs({
  options: { supergraph: { type: 'string' }, port: { type: 'string' } },
  strict: true,
});

await runService('gateway', async () => {
  const config = loadGatewayConfig({ SUPERGRAPH_PATH: values.supergraph, PORT: values.port });
  return { service: await createGateway(config), port: config.PORT, host: config.HOST };
});
