import type { MemoryConfig } from '../env.ts';

/** When memories change tier (DESIGN §6); every threshold comes from config. */
export interface TierPolicy {
  /** Reads (in all) that make a warm memory hot when it is read again. */
  readonly hotAccessCount: number;
  /** A hot memory unread this long becomes warm. */
  readonly hotIdleMs: number;
  /** A warm memory unread this long, and read fewer than `keepWarmAccessCount` times, becomes cold. */
  readonly warmIdleMs: number;
  readonly keepWarmAccessCount: number;
}

export const tierPolicyOf = (config: MemoryConfig): TierPolicy => ({
  hotAccessCount: config.MEMORY_HOT_ACCESS_COUNT,
  hotIdleMs: config.MEMORY_HOT_IDLE_MS,
  warmIdleMs: config.MEMORY_WARM_IDLE_MS,
  keepWarmAccessCount: config.MEMORY_KEEP_WARM_ACCESS_COUNT,
});
