/** One fault the bench caused: what, to which part, and when it began, ended and was recovered from. */
export interface Fault {
  readonly kind: 'SIGKILL + restart' | 'SIGSTOP 30 s' | 'Redis killed';
  /** What failed: a subgraph, or `redis` (chat and memory use it). */
  readonly target: string;
  /** The subgraphs whose fields may fail while it lasts. */
  readonly affects: readonly string[];
  readonly startMs: number;
  /** When the fault was undone (restarted, continued); undefined while it lasts. */
  endMs?: number;
  /** When a request through the affected subgraphs first came back clean after the fault. */
  recoveredMs?: number;
}

/** Errors are attributed to a fault from its start until a few seconds after it was recovered from. */
const GRACE_MS = 3_000;

export class Timeline {
  readonly faults: Fault[] = [];

  start(fault: Omit<Fault, 'startMs'>, now: number): Fault {
    const started: Fault = { ...fault, startMs: now };
    this.faults.push(started);
    return started;
  }

  /** Subgraphs failing (or just recovered) at `t`. */
  failingAt(t: number): Set<string> {
    const failing = new Set<string>();
    for (const fault of this.faults) {
      // Until a clean answer came back, the fault is still on (a restarted subgraph's breaker may be open).
      const until = fault.recoveredMs === undefined ? Number.POSITIVE_INFINITY : fault.recoveredMs + GRACE_MS;
      if (t >= fault.startMs && t <= until) for (const subgraph of fault.affects) failing.add(subgraph);
    }
    return failing;
  }
}
