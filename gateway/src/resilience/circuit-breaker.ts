export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the breaker. */
  readonly failureThreshold: number;
  /** How long it stays open before one probe may try (half-open). */
  readonly openMs: number;
  readonly now?: () => number;
  readonly onStateChange?: (state: BreakerState) => void;
}

/**
 * One subgraph's circuit breaker. Closed: every fetch goes through. After `failureThreshold` consecutive
 * failures it opens: fetches are refused at once for `openMs`. Then it lets a single probe through
 * (half-open): success closes it, failure opens it again for another `openMs`.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private current: BreakerState = 'closed';

  constructor(private readonly options: CircuitBreakerOptions) {}

  get state(): BreakerState {
    return this.current;
  }

  /** Whether a fetch may go now; in half-open, only the one probe may. */
  tryAcquire(): boolean {
    if (this.current === 'closed') return true;
    const now = this.options.now?.() ?? Date.now();
    if (this.current === 'open' && now - this.openedAt >= this.options.openMs) this.move('half-open');
    if (this.current === 'half-open' && !this.probing) {
      this.probing = true;
      return true;
    }
    return false;
  }

  succeeded(): void {
    this.failures = 0;
    this.probing = false;
    if (this.current !== 'closed') this.move('closed');
  }

  failed(): void {
    this.failures += 1;
    this.probing = false;
    if (this.current === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.options.now?.() ?? Date.now();
      if (this.current !== 'open') this.move('open');
    }
  }

  /** A fetch that went through but proved nothing (refused as bad input): frees the probe slot. */
  released(): void {
    this.probing = false;
  }

  private move(state: BreakerState): void {
    this.current = state;
    this.options.onStateChange?.(state);
  }
}
