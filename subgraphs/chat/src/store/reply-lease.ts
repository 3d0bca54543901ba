import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { systemClock, type Clock } from '@sophia/kit';

/**
 * Who writes a STREAMING reply, and until when: the chat replica that started it holds a lease on it, renewed
 * while it writes. Another replica fails the reply only once the lease has run out (its writer stopped).
 */
export interface ReplyLease {
  /** This chat process among the replicas sharing the store. */
  readonly replicaId: string;
  /** How long a reply stays its writer's without a renewal. */
  readonly ttlMs: number;
  /**
   * Real time by default, not the demo's anchored clock: replicas started on different days anchor it a day
   * apart, and every replica must read leases on one time line.
   */
  readonly clock: Clock;
}

/** A replica id that names the host and process (for operators reading the table) and is never reused. */
export const newReplicaId = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export const replyLease = (ttlMs: number, overrides: Partial<ReplyLease> = {}): ReplyLease => ({
  replicaId: overrides.replicaId ?? newReplicaId(),
  ttlMs: overrides.ttlMs ?? ttlMs,
  clock: overrides.clock ?? systemClock,
});
