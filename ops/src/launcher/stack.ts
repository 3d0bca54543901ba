import { ServiceProcess, type LogSink } from './service-process.ts';

/** The five subgraphs and their default ports (DESIGN §9). */
export const SUBGRAPHS = [
  { name: 'chat', port: 4001 },
  { name: 'memory', port: 4002 },
  { name: 'kpi', port: 4003 },
  { name: 'project', port: 4004 },
  { name: 'sales', port: 4005 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
export const GATEWAY_PORT = 4000;

export interface StackOptions {
  readonly ports: Readonly<Record<SubgraphName | 'gateway', number>>;
  /** Variables every service gets (data dir, demo seed and anchor, secrets, log level). */
  readonly env: Readonly<Record<string, string>>;
  /** Variables for the gateway only (e.g. SUPERGRAPH_PATH). */
  readonly gatewayEnv?: Readonly<Record<string, string>>;
  readonly sink: LogSink;
}

export interface Stack {
  readonly gateway: ServiceProcess;
  readonly subgraphs: Readonly<Record<SubgraphName, ServiceProcess>>;
  /** Stops every service, the gateway first so no request reaches a stopped subgraph. */
  stop(): Promise<void>;
}

/** Where a subgraph finds the services it calls (DESIGN §10). */
function wiringOf(name: SubgraphName, ports: StackOptions['ports']): Record<string, string> {
  if (name === 'chat') return { SOPHIA_GATEWAY_URL: `http://127.0.0.1:${ports.gateway}` };
  if (name === 'kpi') return { SOPHIA_SALES_URL: `http://127.0.0.1:${ports.sales}` };
  return {};
}

/** Starts the subgraphs in parallel, then the gateway routed to them; all as separate processes. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { ports, env, sink } = options;
  const subgraphs = Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [
      name,
      new ServiceProcess(
        {
          name,
          entry: `subgraphs/${name}/src/index.ts`,
          port: ports[name],
          // Ports are known before anything starts: chat calls the gateway's /mcp for its tools, kpi catches up
          // on deal changes from sales' outbox.
          env: { ...wiringOf(name, ports), ...env },
        },
        sink,
      ),
    ]),
  ) as Record<SubgraphName, ServiceProcess>;
  const gateway = new ServiceProcess(
    {
      name: 'gateway',
      entry: 'gateway/src/index.ts',
      port: ports.gateway,
      env: {
        ...env,
        ...options.gatewayEnv,
        SUBGRAPH_URLS: SUBGRAPHS.map(({ name }) => `${name}=http://127.0.0.1:${ports[name]}/graphql`).join(
          ',',
        ),
      },
    },
    sink,
  );
  const stop = async () => {
    await gateway.stop();
    await Promise.all(Object.values(subgraphs).map((service) => service.stop()));
  };
  try {
    await Promise.all(Object.values(subgraphs).map((service) => service.start()));
    await gateway.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { gateway, subgraphs, stop };
}
