import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { repoPath } from '../repo-path.ts';

export interface ServiceSpec {
  /** Service name, as in rover.yaml (or `gateway`). */
  readonly name: string;
  /** Entry point, relative to the repository root. */
  readonly entry: string;
  readonly port: number;
  readonly env: Readonly<Record<string, string>>;
}

export type LogSink = (service: string, line: string) => void;

const STOP_GRACE_MS = 10_000;
const READY_TIMEOUT_MS = 120_000;

/**
 * SOPHIA_CPU_PROFILE_DIR (development: `npm run bench:chat -- --profile <dir>`): each service writes a V8 CPU
 * profile there when it stops, to open in Chrome DevTools. Node refuses --cpu-prof in NODE_OPTIONS.
 */
function profiling(env: Readonly<Record<string, string | undefined>>): string[] {
  const dir = env['SOPHIA_CPU_PROFILE_DIR'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** One Sophia service as its own process, as it runs in its own pod in Kubernetes. */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(
    readonly spec: ServiceSpec,
    private readonly sink: LogSink,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.spec.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and resolves once `/readyz` answers 200; rejects if it exits first. */
  async start(): Promise<void> {
    const env = { ...process.env, ...this.spec.env, PORT: String(this.spec.port) };
    const child = spawn(process.execPath, [...profiling(env), '--import', 'tsx', repoPath(this.spec.entry)], {
      cwd: repoPath(''),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = once(child, 'exit').then(([code]) => code as number | null);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => this.sink(this.spec.name, line));
    }
    const failed = this.exited.then((code) => {
      throw new Error(`${this.spec.name} exited with code ${code} before it was ready`);
    });
    await Promise.race([this.waitReady(), failed]);
    failed.catch(() => {}); // later exits are reported by the caller, not as an unhandled rejection
  }

  /** SIGTERM (the service drains), then SIGKILL if it has not exited within the grace period. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.running) return;
    this.child?.kill(signal);
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  /** Resolves with the exit code when the process ends. */
  whenExited(): Promise<number | null> {
    return this.exited;
  }

  private async waitReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${this.url}/readyz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.spec.name} was not ready after ${READY_TIMEOUT_MS / 1000}s`);
  }
}
