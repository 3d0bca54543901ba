import { runReply, type AbortReason, type PipelineDeps, type ReplyJob } from './run-reply.ts';

/** The replies this process is writing, each in the background with its own AbortController. */
export class ReplyRunner {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  /** When the latest reply started (performance.now()). */
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: PipelineDeps) {}

  /** Starts writing a reply; returns at once. */
  start(job: ReplyJob): void {
    this.lastStart = performance.now();
    const controller = new AbortController();
    const done = runReply(this.deps, job, controller.signal).finally(() => this.running.delete(job.reply.id));
    this.running.set(job.reply.id, { controller, done });
  }

  /** Aborts a reply this process writes; resolves once it has ended, false when it is not written here. */
  async cancel(messageId: string, reason: AbortReason = 'CANCELLED'): Promise<boolean> {
    const run = this.running.get(messageId);
    if (!run) return false;
    run.controller.abort(reason);
    await run.done;
    return true;
  }

  /** The replies this process is writing now: those whose lease it renews. */
  runningIds(): string[] {
    return [...this.running.keys()];
  }

  /** Whether this process writes a reply now or started one within the last `ms`. */
  busyWithin(ms: number): boolean {
    return this.running.size > 0 || performance.now() - this.lastStart < ms;
  }

  isRunning(messageId: string): boolean {
    return this.running.has(messageId);
  }

  /** Ends every reply still being written (as FAILED: the process is stopping) and waits for them. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id, 'SHUTDOWN')));
  }
}
