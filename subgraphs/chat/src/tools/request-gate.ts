/**
 * How urgent a request to the gateway is: `answer` (a reply waits for it) goes before `background` (work
 * done after the reply has ended, such as remembering the exchange).
 */
export type RequestPriority = 'answer' | 'background';

/** Gives back the slot a request held. */
export type Release = () => void;

/**
 * Bounds the tool requests this chat process has in flight to the gateway, all replies together, and hands
 * free slots to waiting answers before waiting background work, each in arrival order.
 *
 * Why: with many conversations at once, every reply's tool calls would otherwise queue inside the gateway
 * and the subgraphs, and a new message or a reply stream opened by a client would wait behind all of them.
 * Held here instead, the tool traffic keeps the services' queues short, so a question is accepted and its
 * first words are streamed at once while the answers wait their turn for data.
 */
export class RequestGate {
  private active = 0;
  private readonly waiting: Record<RequestPriority, Array<(release: Release) => void>> = {
    answer: [],
    background: [],
  };

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`A request gate needs a limit of at least 1, got ${limit}.`);
    }
  }

  /** Requests in flight now. */
  get inFlight(): number {
    return this.active;
  }

  /** Requests waiting for a slot now. */
  get queued(): number {
    return this.waiting.answer.length + this.waiting.background.length;
  }

  /**
   * Resolves with the release of a slot once one is free; a caller that stops waiting (`signal` aborts)
   * leaves the queue and rejects with the signal's reason, holding nothing.
   */
  acquire(priority: RequestPriority = 'answer', signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const queue = this.waiting[priority];
      const grant = (release: Release) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(release);
      };
      const onAbort = () => {
        const at = queue.indexOf(grant);
        if (at >= 0) queue.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
    });
  }

  /** Runs `work` holding a slot. */
  async run<T>(work: () => Promise<T>, priority?: RequestPriority, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(priority, signal);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** A release that works once: a slot goes straight to the next waiter, or back to the pool. */
  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.answer.shift() ?? this.waiting.background.shift();
      if (next) next(this.releaser());
      else this.active -= 1;
    };
  }
}
