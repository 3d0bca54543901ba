/**
 * A pool that opens connections as load asks for them, up to `size`, and hands a released connection to the
 * next waiter. Waiters for whom a person is waiting (`ahead`: a message being sent, whose first token waits
 * on it) are served before the others (a reply's final write, a lease renewal), except that a waiter kept
 * longer than `maxWaitBehindMs` goes next whatever it is, so background work is delayed under load, never
 * starved.
 */
export class ConnectionPool<C> {
  private readonly idle: C[] = [];
  private readonly ahead: Waiter<C>[] = [];
  private readonly behind: Waiter<C>[] = [];
  /** Connections opened so far (idle or in use), at most `size`. */
  private opened = 0;

  constructor(
    private readonly open: () => Promise<C>,
    private readonly size: number,
    private readonly maxWaitBehindMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Opens `count` connections up front. */
  async prepare(count: number): Promise<void> {
    for (let i = 0; i < count && this.opened < this.size; i++) this.idle.push(await this.openCounted());
  }

  /** Runs `work` on a connection of the pool; `ahead` when a person waits on it (see the class). */
  async use<T>(work: (connection: C) => Promise<T>, ahead = false): Promise<T> {
    const connection = this.idle.pop() ?? (await this.take(ahead));
    try {
      return await work(connection);
    } finally {
      const next = this.nextWaiter();
      if (next) next.resolve(connection);
      else this.idle.push(connection);
    }
  }

  /** The connections not in use, to close them. */
  drain(): C[] {
    return this.idle.splice(0);
  }

  /** A new connection while the pool may grow; otherwise the next one given back. */
  private async take(ahead: boolean): Promise<C> {
    if (this.opened < this.size) return this.openCounted();
    return new Promise<C>((resolve) =>
      (ahead ? this.ahead : this.behind).push({ resolve, since: this.now() }),
    );
  }

  /** Opens one more connection, counted against `size` from the moment it is asked for. */
  private async openCounted(): Promise<C> {
    this.opened += 1;
    try {
      return await this.open();
    } catch (error) {
      this.opened -= 1;
      throw error;
    }
  }

  private nextWaiter(): Waiter<C> | undefined {
    const oldestBehind = this.behind[0];
    if (oldestBehind && this.now() - oldestBehind.since > this.maxWaitBehindMs) return this.behind.shift();
    return this.ahead.shift() ?? this.behind.shift();
  }
}

interface Waiter<C> {
  readonly resolve: (connection: C) => void;
  /** When it began to wait (the pool's clock). */
  readonly since: number;
}
