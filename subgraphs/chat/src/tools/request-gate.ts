/**
 * How urgent a request to the gateway is: `answer` (a reply waits for it) or `background` (work done after
 * the reply has ended, such as remembering the exchange).
 */
export type RequestPriority = 'answer' | 'background';

/** Gives back the slot a request held. */
export type Release = () => void;

/**
 * Bounds the tool requests this chat process has in flight to the gateway, all replies together: each
 * priority has a lane of `limit` slots, waiters of a lane served in arrival order.
 *
 * Why: with many conversations at once, every reply's tool calls would otherwise queue inside the gateway
 * and the subgraphs, and a new message or a reply stream opened by a client would wait behind all of them.
 * Held here instead, the tool traffic keeps the services' queues short, so a question is accepted and its
 * first words are streamed at once while the answers wait their turn for data. Background work has its own
 * lane: it never takes an answer's slot (remembering is slower than most reads), and answers never starve it.
 */
export class RequestGate {
  private readonly lanes: Record<RequestPriority, { active: number; waiting: Array<() => void> }> = {
    answer: { active: 0, waiting: [] },
    background: { active: 0, waiting: [] },
  };

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`A request gate needs a limit of at least 1, got ${limit}.`);
    }
  }

  /** Requests in flight now, both lanes together. */
  get inFlight(): number {
    return this.lanes.answer.active + this.lanes.background.active;
  }

  /** Requests waiting for a slot now, both lanes together. */
  get queued(): number {
    return this.lanes.answer.waiting.length + this.lanes.background.waiting.length;
  }

  /**
   * Resolves with the release of a slot in `priority`'s lane once one is free; a caller that stops waiting
   * (`signal` aborts) leaves the queue and rejects with the signal's reason, holding nothing.
   */
  acquire(priority: RequestPriority = 'answer', signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const lane = this.lanes[priority];
    if (lane.active < this.limit) {
      lane.active += 1;
      return Promise.resolve(this.releaser(priority));
    }
    return new Promise<Release>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.releaser(priority));
      };
      const onAbort = () => {
        const at = lane.waiting.indexOf(grant);
        if (at >= 0) lane.waiting.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      lane.waiting.push(grant);
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

  /** A release that works once: the slot goes straight to the lane's next waiter, or back to the lane. */
  private releaser(priority: RequestPriority): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const lane = this.lanes[priority];
      const next = lane.waiting.shift();
      if (next) next();
      else lane.active -= 1;
    };
  }
}
