const WINDOW_MS = 60_000;

/**
 * Messages per user per minute, over a sliding window, in this process (each chat pod counts its own: the
 * gateway spreads one user's requests, so the effective limit is per pod).
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one message for `userId`; false (and not counted) when the user is over the limit. */
  take(userId: string): boolean {
    const now = this.now();
    const recent = (this.sent.get(userId) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length >= this.perMinute) {
      this.sent.set(userId, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(userId, recent);
    return true;
  }

  /** Seconds until `userId` may send again. */
  retryAfterSeconds(userId: string): number {
    const oldest = this.sent.get(userId)?.[0];
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + WINDOW_MS - this.now()) / 1000));
  }
}
